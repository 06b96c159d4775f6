package com.tobacco.cmw.audit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The auditors' history as a Cockpit plugin, found by Cockpit through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}: its REST resource
 * under {@code /camunda/api/cockpit/plugin/cmw-history/default/…} (session login of the web
 * applications) and its page {@code plugin-webapp/cmw-history/app/plugin.js}, which Cockpit loads
 * for every registered plugin. Nothing to install besides the application.
 */
public class HistoryPlugin extends AbstractCockpitPlugin {

  public static final String ID = "cmw-history";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(HistoryPluginRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
