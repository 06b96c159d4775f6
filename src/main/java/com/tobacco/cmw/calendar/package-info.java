/**
 * Working days (SPEC §2): Chinese public holidays and adjusted working weekends (調休) read from
 * one editable file per year; every due date and timer of every process is computed here.
 */
package com.tobacco.cmw.calendar;
