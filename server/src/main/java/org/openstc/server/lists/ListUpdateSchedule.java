package org.openstc.server.lists;

import java.util.List;
import java.util.TimeZone;
import org.openstc.server.audit.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs the list update on the configured cron ({@code stc.lists.update.cron}, UTC) unless {@code
 * stc.lists.update.enabled=false}; commands that start the application without a web server ({@code
 * spring.task.scheduling.enabled=false}) never schedule it.
 */
@Component
class ListUpdateSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ListUpdateSchedule.class);

  private final ListsProperties properties;
  private final WatchlistUpdates updates;
  private final Environment environment;

  ListUpdateSchedule(
      ListsProperties properties, WatchlistUpdates updates, Environment environment) {
    this.properties = properties;
    this.updates = updates;
    this.environment = environment;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!scheduled()) {
      return;
    }
    String cron = properties.update().cron();
    registrar.addTriggerTask(this::runUpdate, new CronTrigger(cron, TimeZone.getTimeZone("UTC")));
    log.info("List update scheduled: {} (UTC)", cron);
  }

  boolean scheduled() {
    return properties.update().enabled()
        && environment.getProperty("spring.task.scheduling.enabled", Boolean.class, true);
  }

  void runUpdate() {
    try {
      List<ImportOutcome> outcomes = updates.update(List.of(), Actor.SYSTEM, ImportProgress.NONE);
      log.info("Scheduled list update finished: {} source(s)", outcomes.size());
    } catch (RuntimeException e) {
      log.error("Scheduled list update failed", e);
    }
  }
}
