package io.marquee.core.synth;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes plausible, unique film titles ("The Last Harbor", "Midnight in Verona") by filling a few
 * title patterns from word lists that suit the film's first genre. When random draws keep
 * colliding with titles already made, a sequel number is appended ("Crimson Tide II").
 */
final class TitleMaker {
    static final int ACTION = 0;
    static final int LIGHT = 1;
    static final int DARK = 2;
    static final int DOC = 3;
    static final int HEART = 4;
    static final int WONDER = 5;
    static final int HORROR = 6;

    private static final String[][] ADJECTIVES = {
        {"Last", "Iron", "Burning", "Silent", "Final", "Broken", "Savage", "Lone", "Steel", "Wild", "Fallen",
            "Crimson", "Rogue", "Hidden", "Frozen", "Golden", "Red", "Dead", "Open", "Long"},
        {"Little", "Big", "Happy", "Crazy", "Lucky", "Perfect", "Great", "Merry", "Funny", "Wonderful",
            "Amazing", "Magnificent", "Sunny", "Brave", "Clever", "Secret", "Grand", "Tiny", "Jolly", "Silly"},
        {"Dark", "Cold", "Quiet", "Deadly", "Hollow", "Black", "Silent", "Crooked", "Blind", "Lost", "Bitter",
            "Shadowed", "Naked", "Twisted", "Hidden", "Pale", "Empty", "Long", "Last", "Grey"},
        {"Hidden", "Secret", "Wild", "Forgotten", "Living", "Untold", "Human", "Modern", "Ancient", "Endless",
            "Vanishing", "Great", "True", "Silent", "Rising", "Changing", "Lost", "Deep", "Fragile", "Northern"},
        {"Quiet", "Tender", "Distant", "Summer", "Winter", "Gentle", "Brief", "Small", "Lovely", "Sweet",
            "Broken", "Second", "Late", "Bright", "Blue", "Golden", "Autumn", "Wild", "Open", "Little"},
        {"Infinite", "Distant", "Forgotten", "Crystal", "Silver", "Starlit", "Eternal", "Hidden", "Dark",
            "Burning", "Lost", "Frozen", "Ancient", "Seventh", "Broken", "Hollow", "Last", "Shining", "Outer",
            "Endless"},
        {"Dead", "Hungry", "Bleeding", "Rotten", "Cursed", "Haunted", "Wicked", "Silent", "Evil", "Screaming",
            "Black", "Sleepless", "Crawling", "Unholy", "Hollow", "Pale", "Forsaken", "Buried", "Twisted", "Sick"}};

    private static final String[][] NOUNS = {
        {"Harbor", "Frontier", "Storm", "Ranger", "Mission", "Fury", "Thunder", "Legion", "Outlaw", "Bullet",
            "Horizon", "Command", "Siege", "Border", "Valley", "Canyon", "Trail", "Sword", "Empire", "Squadron"},
        {"Adventure", "Holiday", "Family", "Wedding", "Party", "Neighbours", "Road Trip", "Treasure", "Dog",
            "Dragon", "Circus", "Summer", "Robot", "Detective", "Island", "Surprise", "Club", "Cowboy", "Penguin",
            "Kingdom"},
        {"Alley", "Witness", "Affair", "Verdict", "Stranger", "Motive", "Alibi", "Confession", "Informant",
            "Heist", "Shadow", "Debt", "Night", "Ledger", "Suspect", "Corner", "River", "Deal", "Window", "Case"},
        {"Planet", "Ocean", "City", "Frontier", "Voices", "Forest", "Machine", "Music", "Tides", "Mountain",
            "Lives", "Desert", "Archive", "Revolution", "Harvest", "Journey", "Kitchen", "Coast", "Border",
            "Streets"},
        {"Letters", "Garden", "Promise", "Season", "Heart", "Song", "Summer", "Waltz", "Bridge", "House",
            "Daughter", "Harbor", "Wedding", "Window", "Road", "Shore", "Years", "Kiss", "Light", "Orchard"},
        {"Star", "Realm", "Gate", "Kingdom", "Signal", "Orbit", "Horizon", "Machine", "Crown", "Colony", "Moon",
            "Throne", "Prophecy", "Voyage", "Nebula", "Citadel", "Engine", "Tower", "Sky", "Planet"},
        {"House", "Woods", "Cellar", "Hour", "Harvest", "Doll", "Ritual", "Asylum", "Well", "Visitor",
            "Chapel", "Hunger", "Night", "Lake", "Children", "Mirror", "Attic", "Town", "Guest", "Grave"}};

    private static final String[] PLACES = {"Verona", "Lisbon", "Tangier", "Marseille", "Havana", "Kyoto", "Prague",
        "Dublin", "Montana", "Texas", "Alaska", "Brooklyn", "Naples", "Vienna", "Cairo", "Oslo", "Madrid",
        "Shanghai", "Bombay", "Santa Fe", "Paris", "the North", "the Valley", "the River", "the Islands",
        "Rio", "Sicily", "Berlin", "Tokyo", "Memphis"};

    private static final String[] TIMES = {"Midnight", "Summer", "Winter", "Night", "Morning", "Autumn", "Spring",
        "Christmas", "Sunday", "Twilight"};

    private static final String[] DOC_OPENINGS = {"Inside", "Beyond", "Voices of", "The Story of", "Chasing",
        "Saving", "Searching for", "Life in", "Behind", "Rebuilding"};

    private static final String[] NUMERALS = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};

    private static final int ATTEMPTS = 24;

    private final Set<String> used = new HashSet<>();

    /** A title not made before by this maker, for a film whose first genre has the given mood. */
    String next(SplittableRandom rng, int mood) {
        String candidate = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            candidate = draw(rng, mood);
            if (used.add(candidate)) {
                return candidate;
            }
        }
        for (int n = 0; ; n++) {
            String sequel = candidate + " " + (n < NUMERALS.length ? NUMERALS[n] : Integer.toString(n + 2));
            if (used.add(sequel)) {
                return sequel;
            }
        }
    }

    private static String draw(SplittableRandom rng, int mood) {
        String adj = pick(rng, ADJECTIVES[mood]);
        String noun = pick(rng, NOUNS[mood]);
        int pattern = rng.nextInt(10);
        if (mood == DOC && pattern < 4) {
            return pick(rng, DOC_OPENINGS) + " the " + adj + " " + noun;
        }
        return switch (pattern) {
            case 0, 1, 2 -> "The " + adj + " " + noun;
            case 3, 4 -> adj + " " + noun;
            case 5 -> noun + " of " + pick(rng, PLACES);
            case 6 -> pick(rng, TIMES) + " in " + pick(rng, PLACES);
            case 7 -> {
                String other = pick(rng, NOUNS[mood]);
                yield other.equals(noun) ? "The " + noun + " of " + pick(rng, PLACES)
                        : "The " + noun + " of the " + adj + " " + other;
            }
            case 8 -> adj + " " + noun + " in " + pick(rng, PLACES);
            default -> "The " + noun;
        };
    }

    private static String pick(SplittableRandom rng, String[] words) {
        return words[rng.nextInt(words.length)];
    }
}
