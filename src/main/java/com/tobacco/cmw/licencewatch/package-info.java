/**
 * The daily licence watch (§3.3, SPEC §2 licence expiry): the timer process
 * {@code licenceExpiryWatch} runs {@link com.tobacco.cmw.licencewatch.LicenceWatch} every day;
 * 30 days (configurable) before a licence expires the customer's manager gets a
 * {@code licenceRenewalReminder} task, once per licence period; a licence expired without renewal
 * starts {@code networkExit} with reason LICENCE_EXPIRED, once per licence period. A renewal
 * ({@link com.tobacco.cmw.customer.LicenceRenewed}) stops both.
 */
package com.tobacco.cmw.licencewatch;
