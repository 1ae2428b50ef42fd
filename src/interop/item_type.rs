//! What sort of item a cited source is, for reference managers, read from
//! the site its address (or its locator) names and nothing else: not from
//! words in a publisher's name, nor from the events that cite it (a law is
//! reported by newspapers, a report is quoted on web pages).
//!
//! 1. A site of the [`SITES`] table is the type the table gives: news
//!    sites (newspapers, news agencies, news broadcasters' sites), sites
//!    whose every document is a report (Refworld, ecoi.net) and sites of
//!    legal texts (the US Code at Cornell's Legal Information Institute).
//! 2. A host on a government domain (`.gov`, `.gov.kh`, `.gv.at`, `.mil`,
//!    `.mil.xx`): a **government document**.
//! 3. A host on a blog platform (`blogspot.com`, `wordpress.com`): a
//!    **blog post**.
//! 4. Anything else, and a source with no address: a **web page**. A copy
//!    of a news story on another site is that site's web page.

use crate::timeline::model::Source;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemType {
    /// A story of a newspaper, news agency or news site.
    News,
    /// A report of an NGO or a UN body, or one held in a report archive.
    Report,
    /// A page or document a government published.
    Government,
    /// The text of a law.
    Legislation,
    BlogPost,
    Webpage,
}

/// Sites and what they publish. A site matches its host and every host
/// under it (`phnompenhpost.com` matches `m.phnompenhpost.com`).
pub const SITES: &[(&str, ItemType)] = &[
    // News sites.
    ("adnkronos.com", ItemType::News),
    ("allafrica.com", ItemType::News),
    ("arabnews.pk", ItemType::News),
    ("asiacasino.org", ItemType::News),
    ("asianews.network", ItemType::News),
    ("bbc.co.uk", ItemType::News),
    ("cambodiadaily.com", ItemType::News),
    ("cambodianess.com", ItemType::News),
    ("cambodianewsgazette.com", ItemType::News),
    ("cambojanews.com", ItemType::News),
    ("chosun.com", ItemType::News),
    ("cnn.com", ItemType::News),
    ("devdiscourse.com", ItemType::News),
    ("dtnext.in", ItemType::News),
    ("eacnews.asia", ItemType::News),
    ("ecns.cn", ItemType::News),
    ("finanznachrichten.de", ItemType::News),
    ("focusgn.com", ItemType::News),
    ("freemalaysiatoday.com", ItemType::News),
    ("freshnewsasia.com", ItemType::News),
    ("grandnewsasia.com", ItemType::News),
    ("joins.com", ItemType::News),
    ("koreaherald.com", ItemType::News),
    ("laodong.vn", ItemType::News),
    ("manilatimes.net", ItemType::News),
    ("mekongindependent.com", ItemType::News),
    ("nationthailand.com", ItemType::News),
    ("news.az", ItemType::News),
    ("news.worldcasinodirectory.com", ItemType::News),
    ("newsroom.co.za", ItemType::News),
    ("nst.com.my", ItemType::News),
    ("pattayamail.com", ItemType::News),
    ("phnompenhpost.com", ItemType::News),
    ("qazinform.com", ItemType::News),
    ("royalgazette.com", ItemType::News),
    ("smh.com.au", ItemType::News),
    ("straitstimes.com", ItemType::News),
    ("thanhnien.vn", ItemType::News),
    ("thanhniennews.com", ItemType::News),
    ("the-independent.com", ItemType::News),
    ("thephuketnews.com", ItemType::News),
    ("thestar.com.my", ItemType::News),
    ("thesundaily.my", ItemType::News),
    ("tna.mcot.net", ItemType::News),
    ("trtworld.com", ItemType::News),
    ("vietnamnews.vn", ItemType::News),
    ("vietnamplus.vn", ItemType::News),
    ("voacambodia.com", ItemType::News),
    ("vodenglish.news", ItemType::News),
    ("wsoctv.com", ItemType::News),
    ("yogonet.com", ItemType::News),
    ("yomiuri.co.jp", ItemType::News),
    // Archives whose every document is a report.
    ("ecoi.net", ItemType::Report),
    ("refworld.org", ItemType::Report),
    // Legal texts.
    ("law.cornell.edu", ItemType::Legislation),
];

/// Blog platforms: a host under one of them is a blog.
pub const BLOG_PLATFORMS: &[&str] = &["blogspot.com", "wordpress.com"];

impl ItemType {
    /// The type of `source`, by the rule at the head of this module.
    pub fn of(source: &Source) -> ItemType {
        let Some(host) = host(source) else {
            return ItemType::Webpage;
        };
        let under = |site: &str| host == site || host.ends_with(&format!(".{site}"));
        if let Some((_, kind)) = SITES.iter().find(|(site, _)| under(site)) {
            return *kind;
        }
        let labels: Vec<&str> = host.split('.').collect();
        let n = labels.len();
        let government = matches!(labels[n - 1], "gov" | "mil")
            || (n >= 3 && matches!(labels[n - 2], "gov" | "gv" | "mil") && labels[n - 1].len() == 2);
        if government {
            ItemType::Government
        } else if BLOG_PLATFORMS.iter().any(|p| under(p)) {
            ItemType::BlogPost
        } else {
            ItemType::Webpage
        }
    }

    /// The CSL item type.
    pub fn csl(self) -> &'static str {
        match self {
            ItemType::News => "article-newspaper",
            ItemType::Report | ItemType::Government => "report",
            ItemType::Legislation => "legislation",
            ItemType::BlogPost => "post-weblog",
            ItemType::Webpage => "webpage",
        }
    }

    /// The RIS reference type.
    pub fn ris(self) -> &'static str {
        match self {
            ItemType::News => "NEWS",
            ItemType::Report => "RPRT",
            ItemType::Government => "GOVDOC",
            ItemType::Legislation => "STAT",
            ItemType::BlogPost => "BLOG",
            ItemType::Webpage => "ELEC",
        }
    }

    /// What a report's `type` (BibTeX, BibLaTeX) or `genre` (CSL) says,
    /// for the two kinds of item written as reports.
    pub fn genre(self) -> Option<&'static str> {
        match self {
            ItemType::Report => Some("Report"),
            ItemType::Government => Some("Government document"),
            _ => None,
        }
    }
}

/// The host of a source's address, or of its locator when that starts
/// with one (`state.gov/reports/...`), in lower case and without a port.
pub fn host(source: &Source) -> Option<String> {
    let text = match (&source.url, &source.locator) {
        (Some(u), _) => u.split_once("://").map_or(u.as_str(), |(_, rest)| rest),
        (None, Some(l)) => l.as_str(),
        (None, None) => return None,
    };
    let host = text.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.').to_lowercase();
    (host.contains('.') && !host.contains(char::is_whitespace)).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(url: Option<&str>, locator: Option<&str>) -> ItemType {
        let mut s = Source::new("s".into(), "P".into(), "T".into());
        s.url = url.map(str::to_string);
        s.locator = locator.map(str::to_string);
        ItemType::of(&s)
    }

    #[test]
    fn the_site_decides() {
        assert_eq!(
            at(Some("https://m.phnompenhpost.com/national/x"), None),
            ItemType::News
        );
        assert_eq!(at(Some("https://www.trtworld.com:443/x"), None), ItemType::News);
        assert_eq!(
            at(Some("https://allafrica.com/stories/1.html"), None),
            ItemType::News
        );
        assert_eq!(
            at(Some("https://www.refworld.org/docid/1.html"), None),
            ItemType::Report
        );
        assert_eq!(
            at(Some("https://www.state.gov/reports/x"), None),
            ItemType::Government
        );
        assert_eq!(
            at(None, Some("pressocm.gov.kh/en/archives/59422")),
            ItemType::Government
        );
        assert_eq!(at(Some("https://www.bmeia.gv.at/x"), None), ItemType::Government);
        assert_eq!(
            at(Some("https://www.law.cornell.edu/uscode/x"), None),
            ItemType::Legislation
        );
        assert_eq!(
            at(Some("https://khtoen.blogspot.com/2025/x"), None),
            ItemType::BlogPost
        );
        assert_eq!(
            at(Some("https://ctipcambodia.wordpress.com/x"), None),
            ItemType::BlogPost
        );
    }

    #[test]
    fn a_look_alike_host_or_no_address_is_a_web_page() {
        assert_eq!(
            at(Some("https://notphnompenhpost.com/x"), None),
            ItemType::Webpage
        );
        assert_eq!(
            at(Some("https://phnompenhpost.com.example.org/x"), None),
            ItemType::Webpage
        );
        assert_eq!(at(Some("https://gov.example.com/x"), None), ItemType::Webpage);
        assert_eq!(
            at(Some("https://www.ngo.example.org/report"), None),
            ItemType::Webpage
        );
        assert_eq!(at(None, Some("box 4, shelf 2")), ItemType::Webpage);
        assert_eq!(at(None, None), ItemType::Webpage);
    }
}
