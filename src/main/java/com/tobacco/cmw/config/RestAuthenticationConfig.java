package com.tobacco.cmw.config;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP basic authentication against the engine's users for the engine REST API and for our own
 * {@code /api}. The REST starter leaves {@code /engine-rest} open; without an authenticated user
 * the engine checks no authorization at all. {@code /engine-rest/engine} stays anonymous.
 */
@Configuration
public class RestAuthenticationConfig {

  @Bean
  public FilterRegistrationBean<Filter> engineRestAuthentication() {
    return basicAuthentication("engine-rest-authentication", "/engine-rest/*", 1);
  }

  @Bean
  public FilterRegistrationBean<Filter> apiAuthentication() {
    return basicAuthentication("api-authentication", "/api/*", 2);
  }

  private static FilterRegistrationBean<Filter> basicAuthentication(String name, String pattern, int order) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(pattern);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(order);
    return registration;
  }
}
