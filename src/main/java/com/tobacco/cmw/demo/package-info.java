/**
 * The demo profile (SPEC §4, §5): users with the password "demo", two regions, a few hundred
 * customers, twenty brands and two years of generated sales, the same on every run.
 */
package com.tobacco.cmw.demo;
