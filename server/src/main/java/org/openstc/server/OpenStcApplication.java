package org.openstc.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The OpenSTC Spring Boot application; each direct sub-package is a feature module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OpenStcApplication {}
