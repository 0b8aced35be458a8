package ir.hotline137.console.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.requests.location.GeoPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A point's district from the map: inside, in a hole, across a MultiPolygon, outside; and files that are not right. */
class DistrictBoundariesTest {
    @TempDir
    Path dir;

    @Test
    void aPointIsInTheDistrictWhosePolygonHoldsItAndInNoneInAHoleOrOutside() throws Exception {
        DistrictBoundaries map = DistrictBoundaries.read(Path.of(getClass().getResource("/test-districts.geojson")
                .toURI()));
        assertThat(map.districtOf(new GeoPoint(32.61, 51.61))).contains(6);
        assertThat(map.districtOf(new GeoPoint(32.65, 51.65))).as("the pond cut out of district 6").isEmpty();
        assertThat(map.districtOf(new GeoPoint(32.69, 51.79))).as("a MultiPolygon, the number as text").contains(7);
        assertThat(map.districtOf(new GeoPoint(35.69, 51.39))).as("Tehran, not on this map").isEmpty();
        assertThat(DistrictBoundaries.NONE.districtOf(new GeoPoint(32.61, 51.61))).isEmpty();
    }

    @Test
    void aFileThatIsNotADistrictMapStopsTheStartSayingWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> DistrictBoundaries.read(write("{\"type\":\"Feature\"}")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a GeoJSON FeatureCollection");
        assertThatThrownBy(() -> DistrictBoundaries.read(write("{\"type\":\"FeatureCollection\",\"features\":[{"
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}")))
                .isInstanceOf(IOException.class).hasMessageContaining("feature 0 has no property \"district\"");
        assertThatThrownBy(() -> DistrictBoundaries.read(write("{\"type\":\"FeatureCollection\",\"features\":[{"
                + "\"properties\":{\"district\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[51,32]}}]}")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a Polygon or MultiPolygon");
        assertThatThrownBy(() -> DistrictBoundaries.read(write("not json"))).isInstanceOf(IOException.class)
                .hasMessageContaining("is not JSON");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("districts.geojson"), text);
    }
}
