package live.bookhub.api.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The web app's runtime configuration: where the live updates come from. */
@RestController
class WebAppConfigController {

    private final WebAppProperties properties;

    WebAppConfigController(WebAppProperties properties) {
        this.properties = properties;
    }

    record WebAppConfig(List<String> gateways) {
    }

    @GetMapping("/api/config")
    WebAppConfig showConfig() {
        return new WebAppConfig(properties.gateways());
    }
}
