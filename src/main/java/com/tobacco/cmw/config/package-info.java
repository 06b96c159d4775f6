/** Engine, web and REST configuration: authentication filters, error answers, production guard. */
package com.tobacco.cmw.config;
