package com.tobacco.cmw.config;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;

/** Run by {@link DurabilityTest} in its own JVM: completes tasks until it is killed. */
public final class DurabilityChild {

  private DurabilityChild() {}

  static ProcessEngine engine(String url, boolean create) {
    ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(url)
        .setJdbcUsername("sa")
        .setJdbcPassword("")
        .setDatabaseSchemaUpdate(create ? ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE : ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    configuration.setProcessEngineName("durability-" + create);
    return configuration.buildProcessEngine();
  }

  public static void main(String[] args) {
    ProcessEngine engine = engine(args[0], true);
    engine.getRepositoryService().createDeployment().addModelInstance("durability.bpmn",
        Bpmn.createExecutableProcess("durability").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Work").endEvent().done()).deploy();
    while (true) {
      ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("durability");
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
      engine.getTaskService().complete(task.getId());
      System.out.println("completed " + task.getId());
      System.out.flush();
    }
  }
}
