package com.tobacco.cmw.customer;

import java.time.LocalDate;

/** A licensed retail customer (零售客戶). Grade 1 (一級, best) … 5 (五級). */
public record Customer(
    String customerCode,
    String storeName,
    String licenceNo,
    LocalDate licenceExpiry,
    String address,
    String regionCode,
    String managerId,
    int grade,
    String businessType,
    String contactName,
    String phone,
    CustomerStatus status,
    LocalDate entryDate,
    LocalDate exitDate,
    ExitReason exitReason) {

  /** A customer in the network or applying: no exit reason. */
  public Customer(String customerCode, String storeName, String licenceNo, LocalDate licenceExpiry, String address,
                  String regionCode, String managerId, int grade, String businessType, String contactName,
                  String phone, CustomerStatus status, LocalDate entryDate, LocalDate exitDate) {
    this(customerCode, storeName, licenceNo, licenceExpiry, address, regionCode, managerId, grade, businessType,
        contactName, phone, status, entryDate, exitDate, null);
  }

  public static final int LOWEST_GRADE = 5;

  /** 降級: one step towards grade 5; a grade-5 customer stays at 5. */
  public int downgradedGrade() {
    return Math.min(LOWEST_GRADE, grade + 1);
  }
}
