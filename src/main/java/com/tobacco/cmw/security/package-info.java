/**
 * Who may see and do what (SPEC §1, §4, §5): the role groups, their standing authorizations,
 * the per-instance grants that let a customer manager see only their customers' processes and a
 * regional manager only their region's, and the current user of a request.
 */
package com.tobacco.cmw.security;
