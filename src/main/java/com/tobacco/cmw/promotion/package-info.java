/**
 * Promotion selection (卷煙促銷客戶的推薦及促銷品的發放, §3.2, §4.2.1–§4.2.2): the process
 * {@code promotionSelection} with its campaign numbers CX-yyyy-nnnnn; grade eligibility by the
 * DMN {@code promotionEligibility}; the comprehensive evaluation (綜合測評) with its stored parts;
 * each customer manager's share and ranked recommendations; the regional manager's review; the
 * brand manager's choice; the hand-outs with the 《宣傳促銷品簽收單》 and an item stock that is never
 * exceeded; the campaign summary; and the customer's exit (outstanding hand-outs, cancelled
 * hand-out).
 */
package com.tobacco.cmw.promotion;
