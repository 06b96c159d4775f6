package com.tobacco.cmw.visit;

/**
 * 正常訪問 (REGULAR) from the weekly schedule (§4.1.1) or 特殊訪問 (SPECIAL) on a special
 * situation (§4.1.2); the forms show the Chinese names.
 */
public enum VisitType { REGULAR, SPECIAL }
