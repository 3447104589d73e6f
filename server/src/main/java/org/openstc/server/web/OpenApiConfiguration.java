package org.openstc.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/v1/openapi.json and browsable at /api-browser. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI openStcApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("OpenSTC API")
                .version("v1")
                .description(
                    "Strategic trade control: screening, control lists, transactions, licensing"
                        + " and monitoring. Errors are RFC 9457 problem documents. Authenticate"
                        + " with a personal API token: Authorization: Bearer stc_...")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "Personal API token from /account/tokens or stc admin create-token")))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
