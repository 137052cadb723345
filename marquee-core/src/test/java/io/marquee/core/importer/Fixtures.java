package io.marquee.core.importer;

import io.marquee.core.store.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small hand-written MovieLens-shaped data sets, written by tests into temporary folders. */
final class Fixtures {
    static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

    private Fixtures() {
    }

    /**
     * ML-100K shape: 4 genres, 4 films (a latin-1 title; "unknown" without date; a title without a
     * year whose release date says 1997), 2 viewers, 5 ratings.
     */
    static Path ml100k(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("u.genre"), LATIN_1, "unknown|0\nAction|1\nComedy|2\nDrama|3\n\n");
        write(dir.resolve("u.item"), LATIN_1, ""
                + "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|1|0\n"
                + "2|Misérables, Les (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Mis%E9rables|0|0|0|1\n"
                + "3|unknown||||1|0|0|0\n"
                + "4|Some Film |15-Mar-1997||http://example.org|0|1|1|0\n");
        write(dir.resolve("u.occupation"), LATIN_1, "other\nwriter\n");
        write(dir.resolve("u.user"), LATIN_1, "1|24|M|writer|85711\n2|53|F|other|T8H1N\n");
        write(dir.resolve("u.data"), LATIN_1, ""
                + "1\t1\t5\t881250949\n"
                + "1\t2\t3\t881250950\n"
                + "2\t1\t4\t881250951\n"
                + "2\t4\t1\t881250952\n"
                + "2\t3\t2\t881250953\n");
        return dir;
    }

    /** ML-1M shape: `::` separators, latin-1, coded ages and occupations. */
    static Path ml1m(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("movies.dat"), LATIN_1, ""
                + "1::Toy Story (1995)::Animation|Children's|Comedy\n"
                + "2::Misérables, Les (1995)::Drama|Musical\n"
                + "3::Cérémonie, La (1995)::Drama\n");
        write(dir.resolve("users.dat"), LATIN_1, ""
                + "1::F::1::10::48067\n"
                + "2::M::56::16::70072\n"
                + "3::M::25::0::55117\n");
        write(dir.resolve("ratings.dat"), LATIN_1, ""
                + "1::1::5::978300760\n"
                + "1::3::3::978302109\n"
                + "2::2::4::978301968\n"
                + "3::1::2::978300275\n");
        return dir;
    }

    /** ML latest shape: CSV with header, CRLF, a quoted title with commas, UTF-8, halves. */
    static Path latest(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("movies.csv"), StandardCharsets.UTF_8, ""
                + "movieId,title,genres\r\n"
                + "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\r\n"
                + "2,\"American President, The (1995)\",Comedy|Drama|Romance\r\n"
                + "3,Babylon 5,(no genres listed)\r\n"
                + "4,\"Misérables, Les (1995)\",Drama\r\n"
                + "5,\"Fawlty Towers (1975-1979)\",Comedy\r\n");
        write(dir.resolve("ratings.csv"), StandardCharsets.UTF_8, ""
                + "userId,movieId,rating,timestamp\r\n"
                + "1,1,4.0,964982703\r\n"
                + "1,2,3.5,964981247\r\n"
                + "7,1,0.5,964982224\r\n"
                + "1,4,5.0,964983815\r\n"
                + "7,5,2.5,964983816\r\n");
        return dir;
    }

    /** Zips every file of {@code dir} under the top folder {@code top} (or at the root when empty). */
    static Path zip(Path dir, Path zip, String top) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            if (!top.isEmpty()) {
                z.putNextEntry(new ZipEntry(top + "/"));
                z.closeEntry();
            }
            for (Path f : files) {
                z.putNextEntry(new ZipEntry((top.isEmpty() ? "" : top + "/") + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return zip;
    }

    static void write(Path file, Charset charset, String text) throws IOException {
        Files.writeString(file, text, charset);
    }

    static void append(Path file, Charset charset, String text) throws IOException {
        Files.writeString(file, Files.readString(file, charset) + text, charset);
    }

    /** Row counts of every table of the core schema. */
    static Map<String, Long> counts(Database db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : List.of("genres", "movies", "movie_genres", "users", "survey_responses", "ratings",
                "watch_events", "dropoff_truth", "imports")) {
            counts.put(t, db.count(t));
        }
        return counts;
    }
}
