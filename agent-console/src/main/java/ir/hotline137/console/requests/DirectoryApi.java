package ir.hotline137.console.requests;

import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestStatus;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The configured districts and categories and the statuses, for the forms' choices. */
@RestController
public class DirectoryApi {
    private final RequestDesk desk;

    public DirectoryApi(RequestDesk desk) {
        this.desk = desk;
    }

    public record DistrictChoice(int number, String name) {
    }

    public record CategoryChoice(String id, String label) {
    }

    public record Directory(List<DistrictChoice> districts, List<CategoryChoice> categories, List<RequestStatus> statuses) {
    }

    @GetMapping("/api/directory")
    public Directory directory() {
        return new Directory(
                desk.districts().values().stream().sorted(Comparator.comparingInt(d -> d.number()))
                        .map(d -> new DistrictChoice(d.number(), d.name())).toList(),
                desk.categories().values().stream().map(c -> new CategoryChoice(c.id(), c.label()))
                        .sorted(Comparator.comparing(CategoryChoice::id)).toList(),
                List.of(RequestStatus.values()));
    }
}
