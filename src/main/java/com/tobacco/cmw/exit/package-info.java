/**
 * 退網 (§3.3, §4.3): the {@code networkExit} process. A customer manager, a regional manager or the
 * licence watch applies; the customer's manager verifies what is outstanding ({@link
 * com.tobacco.cmw.exit.OutstandingWork}); the region's regional managers approve; on approval the
 * customer becomes EXITED, every running instance of the customer ends with a recorded reason and
 * the customer leaves the weekly schedules.
 */
package com.tobacco.cmw.exit;
