package com.tobacco.cmw.customer;

/** Life cycle of a retail customer in the network (§3.3). */
public enum CustomerStatus { APPLIED, ACTIVE, SUSPENDED, EXITED }
