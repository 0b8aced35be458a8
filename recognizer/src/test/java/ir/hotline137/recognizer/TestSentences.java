package ir.hotline137.recognizer;

import java.util.List;

/**
 * Citizens' complaints in English for the test voice, each with the words that the small English model
 * reliably hears in it at 8 kHz (checked when the list was made): a test asserts those, not the whole sentence,
 * since espeak's voice is hard even for people.
 */
public final class TestSentences {

    /** A sentence and the words a correct transcript contains. */
    public record Sentence(String text, List<String> keyWords) {
    }

    public static final List<Sentence> ALL = List.of(
            new Sentence("The street lights on our road are broken", List.of("street lights", "broken")),
            new Sentence("The garbage has not been collected for three days", List.of("garbage", "collected")),
            new Sentence("There is a big hole in the road outside my house", List.of("road", "house")),
            new Sentence("Water is flooding the underpass after the rain", List.of("flooding", "underpass")),
            new Sentence("The traffic lights are not working at the crossing", List.of("traffic lights", "crossing")),
            new Sentence("Builders are making noise late at night", List.of("making noise")),
            new Sentence("The bus did not stop at the station", List.of("station")),
            new Sentence("The pavement is blocked by a fruit seller", List.of("fruit")),
            new Sentence("There is a water leak near the library", List.of("leak", "library")),
            new Sentence("The school gate is broken and children are in danger", List.of("school gate", "danger")),
            new Sentence("The playground swings are broken", List.of("playground")),
            new Sentence("Rubbish bins are full and smelling bad", List.of("smelling")),
            new Sentence("The bridge needs repair before winter", List.of("repair")),
            new Sentence("Cars are parking on the sidewalk every day", List.of("sidewalk", "every day")),
            new Sentence("A broken pipe is flooding the street", List.of("flooding the street")),
            new Sentence("The garden near the hospital needs water", List.of("garden", "hospital")),
            new Sentence("Please fix the road near the mosque", List.of("fix the road", "mosque")),
            new Sentence("The parking lot lights are off", List.of("parking lot lights")),
            new Sentence("The public toilet in the park is dirty", List.of("public", "park")),
            new Sentence("There are rats near the river", List.of("river")),
            new Sentence("A tree fell down in the park this morning", List.of("morning")));

    private TestSentences() {
    }
}
