//! Tests of the query engine against synthetic timelines: the shared
//! search against one thread, the word index against a full search.

use super::*;

fn assert_same(a: &Faceted, b: &Faceted, what: &str) {
    assert_eq!(a.hits, b.hits, "{what}: hits");
    assert_eq!(a.relevant, b.relevant, "{what}: relevant");
    assert_eq!(a.years, b.years, "{what}: years");
    assert_eq!(a.actors, b.actors, "{what}: actors");
    assert_eq!(a.kinds, b.kinds, "{what}: kinds");
    assert_eq!(a.tags, b.tags, "{what}: tags");
}

#[test]
fn stretches_searched_apart_add_up_to_one_search() {
    // One more than the size at which the search is shared, so that
    // the stretches are uneven.
    let t = crate::synth::timeline(PARALLEL_FROM + 1, 11);
    let every: Vec<usize> = (0..t.events.len()).collect();
    for text in [
        "",
        "ministry",
        "year:1990..2050 -kind:law",
        "tag:law kind:law",
        "-report court",
    ] {
        let q = Query::parse(text).unwrap();
        let mut alone = Faceted::empty(&t);
        q.faceted_in_stretches(&t, None, 1, &mut alone, &|| false);
        assert_eq!(alone.hits, q.filter(&t), "{text}");
        if !text.is_empty() {
            assert!(
                !alone.hits.is_empty() && alone.hits.len() < t.events.len(),
                "{text}: {} hits, which would show nothing",
                alone.hits.len()
            );
        }
        for threads in [2, 3, 8] {
            let mut shared = Faceted::empty(&t);
            q.faceted_in_stretches(&t, None, threads, &mut shared, &|| false);
            assert_same(&shared, &alone, &format!("{text:?} on {threads} threads"));
            q.faceted_in_stretches(&t, Some(&every), threads, &mut shared, &|| false);
            assert_same(
                &shared,
                &alone,
                &format!("{text:?} from candidates on {threads} threads"),
            );
        }
        assert_same(&q.faceted(&t, None), &alone, &format!("{text:?} as the app asks"));
    }
}

#[test]
fn the_word_index_answers_as_the_full_search_does() {
    let t = crate::synth::timeline(3000, 5);
    let index = index::WordIndex::new(&t);
    let mut shares = std::collections::BTreeSet::new();
    for text in [
        "court",
        "minist",
        "court ministry",
        "-court",
        "court -ministry",
        "zürich",
        "ZURICH",
        "ev",
        "nothing-holds-this",
        "人口",
        "-nothing-holds-this",
        "",
        "court kind:law",
        "-kind:law minist year:1990..2050",
        "tag:law -court",
    ] {
        let q = Query::parse(text).unwrap();
        let mut out = Faceted::empty(&t);
        assert!(q.faceted_by_index(&t, &index, &mut out), "{text}");
        let whole = q.faceted(&t, None);
        assert_same(&out, &whole, text);
        let share = whole.hits.len() * 2 > t.events.len();
        if !whole.hits.is_empty() {
            shares.insert(share);
        }
    }
    // Both ways of counting were used: most events passed, or few did.
    assert_eq!(shares.len(), 2);
    // What the index cannot answer is left to the full search.
    for text in ["year:2020", "\"a phrase\"", "kind:law \"a phrase\"", "-kind:law"] {
        let q = Query::parse(text).unwrap();
        let mut out = Faceted::empty(&t);
        assert!(!q.faceted_by_index(&t, &index, &mut out), "{text}");
    }
}

#[test]
fn a_search_told_to_stop_gives_up_and_one_left_alone_finishes() {
    let t = crate::synth::timeline(PARALLEL_FROM + 1, 3);
    let q = Query::parse("court").unwrap();
    let whole = q.faceted(&t, None);
    for threads in [1, 2] {
        let mut out = Faceted::empty(&t);
        assert!(!q.faceted_in_stretches(&t, None, threads, &mut out, &|| true));
        assert!(out.hits.len() < whole.hits.len(), "stopped before the end");
        // Told to stop only after its first look: still stops.
        let looks = std::sync::atomic::AtomicUsize::new(0);
        let later = || looks.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= 1;
        assert!(!q.faceted_in_stretches(&t, None, threads, &mut out, &later));
        assert!(q.faceted_in_stretches(&t, None, threads, &mut out, &|| false));
        assert_same(&out, &whole, &format!("left alone on {threads} threads"));
    }
}

/// Words as typed: pieces of the generator's words (prefixes, middles,
/// ends, one character), in any case, in Latin, Khmer, Chinese, Japanese
/// and Korean, with a few that occur nowhere, empty or spaced.
fn typed_word() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let whole = prop::sample::select(vec![
        "ministry",
        "court",
        "Zürich",
        "Kraków",
        "São Paulo",
        "កម្ពុជា",
        "ការជួញដូរមនុស្ស",
        "人口贩卖",
        "東京",
        "서울",
        "src-1",
        "zzqx",
        "",
    ]);
    (whole, 0usize..8, 1usize..8, any::<bool>()).prop_map(|(w, from, len, upper)| {
        let chars: Vec<char> = w.chars().collect();
        let from = from.min(chars.len());
        let piece: String = chars[from..(from + len).min(chars.len())].iter().collect();
        if upper {
            piece.to_uppercase()
        } else {
            piece
        }
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever the words and facets, the index gives what reading every
    /// event gives, or declines (only facets alone, or an empty word or one
    /// with a space in it).
    #[test]
    fn the_word_index_agrees_with_reading_the_events(
        words in proptest::collection::vec((typed_word(), proptest::prelude::any::<bool>()), 0..4),
        facets in proptest::sample::subsequence(
            vec!["kind:law", "-kind:report", "tag:law", "year:1990..2050", "actor:actor-1"], 0..3
        ),
    ) {
        use std::sync::OnceLock;
        static CASE: OnceLock<(Timeline, index::WordIndex)> = OnceLock::new();
        let (t, index) = CASE.get_or_init(|| {
            let t = crate::synth::timeline(600, 9);
            let index = index::WordIndex::new(&t);
            (t, index)
        });
        let query = Query {
            clauses: words
                .iter()
                .map(|(w, negated)| Clause { negated: *negated, term: Term::Text(w.clone()) })
                .collect(),
        }
        .and(Query::parse(&facets.join(" ")).unwrap());
        let mut out = Faceted::empty(t);
        if query.faceted_by_index(t, index, &mut out) {
            assert_same(&out, &query.faceted(t, None), &query.to_string());
        } else {
            proptest::prop_assert!(
                words.is_empty() && !facets.is_empty()
                    || words.iter().any(|(w, _)| fold(w).is_empty() || fold(w).contains(char::is_whitespace)),
                "declined {query}"
            );
        }
    }
}

#[test]
fn a_lookup_told_to_stop_gives_up_and_one_left_alone_answers() {
    let t = crate::synth::timeline(3000, 5);
    let index = index::WordIndex::new(&t);
    // "-" is in every event's id: a lookup that adds every event to the result.
    let q = Query::parse("-").unwrap();
    let mut out = Faceted::empty(&t);
    assert_eq!(
        q.faceted_by_index_until(&t, &index, &mut out, &|| true),
        index::Answer::Stopped
    );
    assert_eq!(
        q.faceted_by_index_until(&t, &index, &mut out, &|| false),
        index::Answer::Found
    );
    assert_eq!(out.hits.len(), 3000);
}

#[test]
fn a_phrase_is_left_to_the_full_search_on_a_timeline_searched_in_the_background() {
    // As large as the timelines the app searches on a worker, which asks
    // the index first and reads the events only when the index declines.
    let t = crate::synth::timeline(crate::app::state::BACKGROUND_FROM + 1, 7);
    let index = index::WordIndex::new(&t);
    let empty = Query {
        clauses: vec![Clause {
            negated: false,
            term: Term::Text(String::new()),
        }],
    };
    let queries = [
        "\"court ministry\"",
        "-\"court ministry\"",
        "court \"court ministry\"",
        "\"court ministry\" kind:law",
        "\"São Paulo\"",
    ]
    .map(|text| Query::parse(text).unwrap());
    for q in queries.iter().chain([&empty]) {
        let mut out = Faceted::empty(&t);
        assert_eq!(
            q.faceted_by_index_until(&t, &index, &mut out, &|| false),
            index::Answer::Unanswerable,
            "{q}"
        );
        assert!(out.hits.is_empty(), "{q}: the result is left untouched");
    }
    // The phrase is rarer than its two words apart: answering it from the
    // words would show events it does not hold.
    let phrase = Query::parse("\"court ministry\"").unwrap().filter(&t);
    let words = Query::parse("court ministry").unwrap().filter(&t);
    assert!(!phrase.is_empty() && phrase.len() < words.len());
    assert!(phrase.iter().all(|&p| t.search_key(p).contains("court ministry")));
}

/// A synthetic timeline of `2 * half + 1` events, with a word added to the
/// titles of some events of the first half only, one to some of the second
/// half only, and one to some of each; and which events hold each, in that
/// order.
fn marked(half: usize, seed: u64, every: [usize; 3], shift: usize) -> (Timeline, [Vec<usize>; 3]) {
    let (sources, actors, events) = crate::synth::generate(2 * half + 1, seed);
    // Events are marked where the timeline puts them (in order of date),
    // and the same events in that order stay in it.
    let mut events = Timeline::new(sources.clone(), actors.clone(), events).events;
    let n = events.len();
    let picked = |range: std::ops::Range<usize>, every: usize, edges: &[usize]| -> Vec<usize> {
        range
            .filter(|p| (p + shift).is_multiple_of(every) || edges.contains(p))
            .collect()
    };
    // The events either side of the middle, and the last, are where a
    // posting that loses or misplaces events shows first.
    let sets = [
        picked(0..half, every[0], &[half - 1]),
        picked(half..n, every[1], &[half, n - 1]),
        picked(0..n, every[2], &[half - 1, half]),
    ];
    for (word, set) in ["firsthalfword", "secondhalfword", "bothhalvesword"]
        .iter()
        .zip(&sets)
    {
        for &p in set {
            events[p].title.push(' ');
            events[p].title.push_str(word);
        }
    }
    (Timeline::new(sources, actors, events), sets)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

    /// The index answers every query as reading every event does, whether
    /// a word's events lie at the start, the end or throughout, and are few
    /// (a list) or many (a bitset).
    #[test]
    fn the_index_answers_as_reading_every_event(
        half in 8usize..300,
        seed in 1u64..1000,
        every in proptest::array::uniform3(1usize..48),
        shift in 0usize..48,
    ) {
        let (t, [first, second, both]) = marked(half, seed, every, shift);
        proptest::prop_assert_eq!(t.events.len() % 2, 1);
        proptest::prop_assert!(first.iter().all(|&p| p < half));
        proptest::prop_assert!(second.iter().all(|&p| p >= half));
        proptest::prop_assert!(both.first() < Some(&half) && both.last() >= Some(&half));
        let index = index::WordIndex::new(&t);
        let mut either: Vec<usize> = first.iter().chain(&second).copied().collect();
        either.sort_unstable();
        let both_not_second: Vec<usize> = both.iter().copied().filter(|p| !second.contains(p)).collect();
        let expected: [(&str, Option<&[usize]>); 12] = [
            ("firsthalfword", Some(&first)),
            ("secondhalfword", Some(&second)),
            ("bothhalvesword", Some(&both)),
            ("halfword", Some(&either)),
            ("firsthalfword secondhalfword", Some(&[])),
            ("bothhalvesword -secondhalfword", Some(&both_not_second)),
            ("-firsthalfword -secondhalfword -bothhalvesword", None),
            ("secondhalfword kind:law", None),
            ("-bothhalvesword tag:law", None),
            ("court", None),
            ("ev-", None),
            ("", None),
        ];
        for (text, hits) in expected {
            let q = Query::parse(text).unwrap();
            let whole = q.faceted(&t, None);
            if let Some(hits) = hits {
                proptest::prop_assert_eq!(&whole.hits, hits, "{}", text);
            }
            let mut out = Faceted::empty(&t);
            proptest::prop_assert!(q.faceted_by_index(&t, &index, &mut out), "{}", text);
            assert_same(&out, &whole, &format!("{text:?} from the index"));
        }
    }
}

/// The index's answer to `q`, never told to stop, and how many times it
/// looked at its stop.
fn looked_up_counting_looks(t: &Timeline, index: &index::WordIndex, q: &Query) -> (Faceted, usize) {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    let looks = AtomicUsize::new(0);
    let never = || {
        looks.fetch_add(1, Relaxed);
        false
    };
    let mut out = Faceted::empty(t);
    assert_eq!(
        q.faceted_by_index_until(t, index, &mut out, &never),
        index::Answer::Found
    );
    (out, looks.load(Relaxed))
}

#[test]
fn a_lookup_looks_at_its_stop_while_it_adds_events_and_gives_up_there() {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    let t = crate::synth::timeline(3000, 5);
    let index = index::WordIndex::new(&t);
    // "-" is in every event's id, each id a token of its own: one lookup
    // adds every event, a few at a time.
    let q = Query::parse("-").unwrap();
    let (out, all) = looked_up_counting_looks(&t, &index, &q);
    assert_eq!(out.hits, (0..3000).collect::<Vec<_>>());
    assert_eq!(out.relevant.len(), 3000);
    // Besides the one look once every word is looked up, the lookup
    // itself looked, more than once.
    assert!(all >= 3, "{all} looks");

    // Told to stop from its second look on: the lookup gives up at that
    // look, before it has added every event and before the look after it.
    let looks = AtomicUsize::new(0);
    let later = || looks.fetch_add(1, Relaxed) >= 1;
    let mut out = Faceted::empty(&t);
    assert_eq!(
        q.faceted_by_index_until(&t, &index, &mut out, &later),
        index::Answer::Stopped
    );
    assert_eq!(looks.load(Relaxed), 2);
}

/// Forty events, each with its own id and all with the word "common": the
/// ids are listed, "common" is a bitset (held by more than one event in 32).
fn forty_alike() -> crate::timeline::model::Timeline {
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    for i in 0..40 {
        text.push_str(&format!(
            "[[events]]\nid = \"e{i}\"\ndate = \"2020\"\ntitle = \"Common\"\nkind = \"law\"\n\
             summary = \"common\"\n[[events.sources]]\nsource = \"s\"\nquote = \"common\"\n"
        ));
    }
    crate::load::load(vec![crate::load::DataFile {
        name: "forty.toml".into(),
        text,
    }])
    .timeline
    .expect("the fixture loads")
}

#[test]
fn the_index_size_counts_tokens_lists_and_bitsets_exactly() {
    let size = index::WordIndex::new(&forty_alike()).size();
    assert_eq!(
        size,
        index::IndexSize {
            tokens: 41,
            // "e0\n".."e9\n", "e10\n".."e39\n", "common\n"
            token_bytes: 10 * 3 + 30 * 4 + 7,
            bitsets: 1,
            listed: 40,
            // 40 ids of 4 bytes, and one 64-bit word for "common"
            posting_bytes: 40 * 4 + 8,
            // "common" as a list would hold 40 events too
            as_lists_bytes: 40 * 4 + 40 * 4,
        }
    );
    let big = index::IndexSize {
        tokens: 3,
        token_bytes: 20,
        bitsets: 1,
        listed: 2,
        posting_bytes: 5 << 20,
        as_lists_bytes: (7 << 20) + 1,
    };
    assert_eq!(
        big.to_string(),
        "3 tokens in 20 bytes, 1 as bitsets, 2 listed events; postings 5 MB (7 MB as lists only)"
    );
}

#[test]
fn a_lookup_over_common_words_looks_at_its_stop_every_so_many_and_no_more() {
    // 600 words in every one of 64 events: each word a bitset of one
    // 64-bit word, and "x" in all of them.
    let words: Vec<String> = (0..600).map(|i| format!("x{i}")).collect();
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    for i in 0..64 {
        text.push_str(&format!(
            "[[events]]\nid = \"e{i}\"\ndate = \"2020\"\ntitle = \"T\"\nkind = \"law\"\n\
             summary = \"{}\"\n[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n",
            words.join(" ")
        ));
    }
    let t = crate::load::load(vec![crate::load::DataFile {
        name: "common.toml".into(),
        text,
    }])
    .timeline
    .expect("the fixture loads");
    let index = index::WordIndex::new(&t);
    // The title "t" and the quote "q" are in every event too.
    assert_eq!(index.size().bitsets, 602);
    let (out, looks) = looked_up_counting_looks(&t, &index, &Query::parse("x").unwrap());
    assert_eq!(out.hits.len(), 64);
    // The tests' interval is 256 bitset words: two looks while the 600
    // are added (at 256 and 512), and one once the word is looked up.
    assert_eq!(looks, 3);
}

/// The index for the app is built at the lowest priority, so keys, drawing
/// and searches come first; only that thread is lowered (Linux gives each
/// thread its own priority).
#[cfg(target_os = "linux")]
#[test]
fn the_index_for_the_app_is_built_at_the_lowest_priority_on_its_own_thread() {
    let t = forty_alike();
    let before = rustix::process::getpriority_process(None).unwrap();
    let (built, after) = std::thread::scope(|s| {
        s.spawn(|| {
            let index = index::WordIndex::in_background(&t);
            (
                index.size().tokens,
                rustix::process::getpriority_process(None).unwrap(),
            )
        })
        .join()
        .unwrap()
    });
    assert_eq!(built, 41);
    assert_eq!(after, 19);
    assert_eq!(rustix::process::getpriority_process(None).unwrap(), before);
}
