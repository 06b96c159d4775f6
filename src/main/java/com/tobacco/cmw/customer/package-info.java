/**
 * Master data shared by every procedure (SPEC §2): licensed retail customers (零售客戶) with
 * their grade and manager, the brand catalogue with minimum retail guide prices, sales lines,
 * stock, and the logs of customer and grade changes.
 */
package com.tobacco.cmw.customer;
