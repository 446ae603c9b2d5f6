package id.mpp.tracker.query.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The web dashboard lives at {@code /dashboard/}: a static page over the dashboard API. */
@Controller
class DashboardPage {

    @GetMapping({"/dashboard", "/dashboard/"})
    String page() {
        return "redirect:/dashboard/index.html";
    }
}
