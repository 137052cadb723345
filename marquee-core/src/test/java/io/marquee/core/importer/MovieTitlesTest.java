package io.marquee.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MovieTitlesTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\" ({2})")
    @CsvSource(delimiter = ';', nullValues = "null", ignoreLeadingAndTrailingWhitespace = false, value = {
            "Toy Story (1995);Toy Story;1995",
            "Usual Suspects, The (1995);Usual Suspects, The;1995",
            "Toy Story (1995)   ;Toy Story;1995",
            "  Heat (1995);Heat;1995",
            "Fawlty Towers (1975-1979);Fawlty Towers;1975",
            "Fawlty Towers (1975 - 1979);Fawlty Towers;1975",
            "Stranger Things (2016– );Stranger Things;2016",
            "Band of Brothers (2001–2001);Band of Brothers;2001",
            "City of Lost Children, The (Cité des enfants perdus, La) (1995);City of Lost Children, The (Cité des enfants perdus, La);1995",
            "(500) Days of Summer (2009);(500) Days of Summer;2009",
            "1984 (1956);1984;1956",
            "unknown;unknown;null",
            "Babylon 5;Babylon 5;null",
            "Land Before Time III (1995) (V);Land Before Time III (1995) (V);null",
            "(1995);(1995);null",
            "Ancient Film (1066);Ancient Film (1066);null",
            "Misérables, Les(1995);Misérables, Les;1995",
    })
    void title_and_year_are_split_at_the_trailing_year(String raw, String title, Integer year) {
        MovieTitles.Parsed parsed = MovieTitles.parse(raw);

        assertThat(parsed.title()).isEqualTo(title);
        assertThat(parsed.year()).isEqualTo(year);
    }
}
