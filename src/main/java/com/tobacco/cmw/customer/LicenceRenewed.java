package com.tobacco.cmw.customer;

import java.time.LocalDate;

/**
 * A customer's licence was renewed: its expiry moved later. Published (Spring application event,
 * inside the transaction that wrote the change) by whoever records the renewal; the licence
 * watch listens and stops the renewal reminder and an exit started because the licence expired.
 */
public record LicenceRenewed(String customerCode, LocalDate oldExpiry, LocalDate newExpiry, String changedBy,
                             String processInstanceId) {}
