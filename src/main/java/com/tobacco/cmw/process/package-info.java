/** What every process shares: how bad input is answered, how variables are read. */
package com.tobacco.cmw.process;
