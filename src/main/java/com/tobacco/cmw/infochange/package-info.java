/**
 * Customer information change (客戶信息維護, §3.5): change requests with old and new values,
 * contact data applied at once, licence, grade, region and manager after the regional manager's
 * approval, every applied field in the customer's change history.
 */
package com.tobacco.cmw.infochange;
