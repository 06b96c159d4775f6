/** How our own REST API answers errors: a JSON body with a clear message, never a stack trace. */
package com.tobacco.cmw.web;
