package ir.hotline137.console.requests;

import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.units.StandardResults;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.category.Category;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The configured districts and categories, the statuses, the units requests are referred to (the categories' own
 * and every UNIT person's) and the standard results a unit may give, for the forms' choices.
 */
@RestController
public class DirectoryApi {
    private final RequestDesk desk;
    private final ConsoleUsers users;
    private final StandardResults standardResults;

    public DirectoryApi(RequestDesk desk, ConsoleUsers users, StandardResults standardResults) {
        this.desk = desk;
        this.users = users;
        this.standardResults = standardResults;
    }

    public record DistrictChoice(int number, String name) {
    }

    public record CategoryChoice(String id, String label) {
    }

    public record Directory(List<DistrictChoice> districts, List<CategoryChoice> categories, List<RequestStatus> statuses,
                            List<String> units, List<String> standardResults) {
    }

    @GetMapping("/api/directory")
    public Directory directory() {
        return new Directory(
                desk.districts().values().stream().sorted(Comparator.comparingInt(d -> d.number()))
                        .map(d -> new DistrictChoice(d.number(), d.name())).toList(),
                desk.categories().values().stream().map(c -> new CategoryChoice(c.id(), c.label()))
                        .sorted(Comparator.comparing(CategoryChoice::id)).toList(),
                List.of(RequestStatus.values()),
                Stream.concat(desk.categories().values().stream().map(Category::referralUnit),
                                users.all().stream().flatMap(person -> person.unitScope().stream()))
                        .filter(unit -> !unit.isBlank()).distinct().sorted().toList(),
                standardResults.words());
    }
}
