/**
 * Unlicensed-seller reports (卷煙無證經營信息, §3.7, §4.7): the process {@code unlicensedSellerReport}
 * with its case numbers WZ-yyyy-nnnnn. A customer manager reports a place where cigarettes are sold
 * without a licence (by hand, over REST, or from a visit's sighting); the regional manager forwards
 * it to the monopoly department or closes it as a duplicate of an open report of the same place; the
 * monopoly department records the result, which sales operations (卷煙經營部) acknowledge.
 */
package com.tobacco.cmw.unlicensed;
