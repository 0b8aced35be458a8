package ir.hotline137.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Persian-looking request descriptions, as many as wanted, cheaply: a million must not cost more than the
 * indexing they feed.
 *
 * <p>The words come from the development corpus, ranked by how often callers use them, followed by made-up
 * street names; they are drawn with a Zipf law, so a few words are everywhere and most are rare, as in real
 * text, which is what gives Lucene's posting lists their realistic lengths. Each description also names one
 * place, because a real request does and that rare word is what makes two requests look alike.
 */
final class SyntheticRequestText {
    static final Path DEFAULT_CORPUS = Path.of("../shared/corpus/requests-dev.tsv");
    private static final int STREET_NAMES = 20_000;
    private static final double ZIPF_EXPONENT = 1.0;
    private static final int MIN_WORDS = 10;
    private static final int MAX_WORDS = 40;
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{IsArabic}\\u200C]+");
    private static final String[] PLACE_KINDS = {"خیابان", "کوچه", "بلوار", "میدان", "بن‌بست", "چهارراه", "پارک"};
    private static final String[] SYLLABLES = {
            "بها", "ر", "نو", "گل", "شه", "دا", "ور", "کا", "سی", "مان", "زا", "د", "پو", "آ", "با", "ستا",
            "رو", "کو", "سر", "دش", "ت", "مه", "نی", "ک", "لا", "له", "فر", "هن", "گ", "جا", "می", "را",
            "تو", "سا", "یا", "س", "من", "پا", "ده", "شا"};
    /** Enough everyday complaint words to run without the corpus (e.g. on another machine). */
    private static final String[] FALLBACK_WORDS = {
            "سلام", "خیابان", "کوچه", "جلوی", "نزدیک", "چند", "روزه", "هنوز", "کسی", "نیومده", "چاله", "بزرگ",
            "چراغ", "برق", "خاموش", "زباله", "جمع", "نشده", "آب", "گرفتگی", "درخت", "شکسته", "ماشین", "پیاده‌رو",
            "خطرناک", "شب", "تاریک", "بوی", "بد", "ایستگاه", "اتوبوس", "سگ", "ولگرد", "بچه‌ها", "مدرسه", "همسایه",
            "ساختمان", "صدای", "کارگاه", "دستفروش", "ترافیک", "پارک", "دوبله", "لطفا", "زودتر", "رسیدگی", "کنید"};

    private final String[] words;
    private final double[] cumulative;
    private final String[] streets;

    private SyntheticRequestText(List<String> rankedWords, String[] streets) {
        this.streets = streets;
        this.words = new String[rankedWords.size() + streets.length];
        for (int i = 0; i < rankedWords.size(); i++) {
            words[i] = rankedWords.get(i);
        }
        System.arraycopy(streets, 0, words, rankedWords.size(), streets.length);
        this.cumulative = new double[words.length];
        double total = 0;
        for (int rank = 0; rank < words.length; rank++) {
            total += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
            cumulative[rank] = total;
        }
    }

    /** From the corpus' texts (sixth column) when the file is there, else from a short built-in list. */
    static SyntheticRequestText load(Path corpus) {
        List<String> ranked = Files.isReadable(corpus) ? rankedCorpusWords(corpus) : List.of(FALLBACK_WORDS);
        return new SyntheticRequestText(ranked, streetNames(new SplittableRandom(137)));
    }

    int vocabularySize() {
        return words.length;
    }

    /** A description of 10 to 40 words. */
    String next(RandomGenerator random) {
        int length = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
        int placeAt = random.nextInt(length - 1);
        StringBuilder text = new StringBuilder(length * 8);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(i % 9 == 0 ? "، " : " ");
            }
            if (i == placeAt) {
                text.append(PLACE_KINDS[random.nextInt(PLACE_KINDS.length)]).append(' ')
                        .append(streets[random.nextInt(streets.length)]);
                i++;
            } else {
                text.append(zipfWord(random));
            }
        }
        return text.toString();
    }

    private String zipfWord(RandomGenerator random) {
        double point = random.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, point);
        return words[at >= 0 ? at : Math.min(-at - 1, words.length - 1)];
    }

    private static List<String> rankedCorpusWords(Path corpus) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.split("\t");
                if (columns.length < 6) {
                    continue;
                }
                for (String word : NOT_A_LETTER.split(columns[5])) {
                    String clean = word.replaceAll("^\\u200C+|\\u200C+$", "");
                    if (clean.length() >= 2) {
                        counts.merge(clean, 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> ranked = new ArrayList<>(counts.keySet());
        // stable sort: equally frequent words keep corpus order, so every run draws the same vocabulary
        ranked.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
        return ranked;
    }

    private static String[] streetNames(SplittableRandom random) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < STREET_NAMES) {
            int syllables = 2 + random.nextInt(3);
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            names.add(name.toString());
        }
        return names.toArray(String[]::new);
    }
}
