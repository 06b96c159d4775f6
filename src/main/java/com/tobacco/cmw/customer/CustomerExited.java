package com.tobacco.cmw.customer;

/**
 * A customer left the retail network (退網): published (Spring application event) by the approved
 * exit inside the transaction that made the customer EXITED, after the customer's running
 * instances ended. Work kept in a process that serves many customers at once (a promotion's
 * hand-outs) listens and ends that customer's part.
 */
public record CustomerExited(String customerCode, String reasonText, String exitBusinessKey, String decidedBy,
                             String exitProcessInstanceId) {}
