package ir.hotline137.console.open311;

import ir.hotline137.requests.location.GeoPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city's districts as areas on the map, from a GeoJSON FeatureCollection whose features are Polygons or
 * MultiPolygons with the district's number in the property {@code district}: the district a point lies in. A point
 * in none (outside the city, or a gap in the file) has none; holes in a polygon are honoured.
 */
public final class DistrictBoundaries {
    /** No file: no point has a district. */
    public static final DistrictBoundaries NONE = new DistrictBoundaries(List.of());

    /** One polygon: its outer ring, then its holes; each ring as longitude/latitude pairs, as GeoJSON has them. */
    private record Area(int district, List<double[][]> rings) {
    }

    private final List<Area> areas;

    private DistrictBoundaries(List<Area> areas) {
        this.areas = List.copyOf(areas);
    }

    /**
     * Reads the file, refusing (with what is wrong and where) one that is not a FeatureCollection of district
     * polygons: a deployment finds out at start, not when a citizen's request lands in no district.
     */
    public static DistrictBoundaries read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (JacksonException notJson) {
            throw new IOException(file + " is not JSON: " + notJson.getOriginalMessage(), notJson);
        }
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new IOException(file + " is not a GeoJSON FeatureCollection");
        }
        List<Area> areas = new ArrayList<>();
        int index = 0;
        for (JsonNode feature : root.path("features").values()) {
            String where = file + " feature " + index++;
            JsonNode district = feature.path("properties").path("district");
            if (!district.isNumber() && !(district.isString() && district.asString().matches("\\d+"))) {
                throw new IOException(where + " has no property \"district\" with the district's number");
            }
            int number = district.asInt();
            JsonNode geometry = feature.path("geometry");
            switch (geometry.path("type").asString("")) {
                case "Polygon" -> areas.add(new Area(number, rings(geometry.path("coordinates"), where)));
                case "MultiPolygon" -> {
                    for (JsonNode polygon : geometry.path("coordinates").values()) {
                        areas.add(new Area(number, rings(polygon, where)));
                    }
                }
                default -> throw new IOException(where + " is not a Polygon or MultiPolygon");
            }
        }
        if (areas.isEmpty()) {
            throw new IOException(file + " has no district polygons");
        }
        return new DistrictBoundaries(areas);
    }

    private static List<double[][]> rings(JsonNode polygon, String where) throws IOException {
        List<double[][]> rings = new ArrayList<>();
        for (JsonNode ring : polygon.values()) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode position : ring.values()) {
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                        || !position.get(1).isNumber()) {
                    throw new IOException(where + " has a position that is not [longitude, latitude]");
                }
                points.add(new double[] {position.get(0).asDouble(), position.get(1).asDouble()});
            }
            if (points.size() < 4) {
                throw new IOException(where + " has a ring of fewer than four positions");
            }
            rings.add(points.toArray(double[][]::new));
        }
        if (rings.isEmpty()) {
            throw new IOException(where + " has a polygon with no ring");
        }
        return rings;
    }

    /** The district the point lies in, if any (the first listed, should areas overlap). */
    public Optional<Integer> districtOf(GeoPoint point) {
        for (Area area : areas) {
            if (inside(area.rings().getFirst(), point)) {
                boolean inHole = false;
                for (int i = 1; i < area.rings().size() && !inHole; i++) {
                    inHole = inside(area.rings().get(i), point);
                }
                if (!inHole) {
                    return Optional.of(area.district());
                }
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return areas.isEmpty();
    }

    /** Even-odd ray casting on longitude/latitude: a city is small enough for the plane to be right. */
    private static boolean inside(double[][] ring, GeoPoint point) {
        double x = point.longitude();
        double y = point.latitude();
        boolean in = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0];
            double yi = ring[i][1];
            double xj = ring[j][0];
            double yj = ring[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }
}
