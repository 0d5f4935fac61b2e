//! The word lists and texts the builders draw from: fictional places, organisations and people,
//! and texts without digits (so that no text looks like a phone or personal identity number).

pub(super) const TOWNS: &[&str] = &[
    "Exempelstad",
    "Sjövik",
    "Norrberga",
    "Lillån",
    "Östermark",
    "Västerhamn",
    "Granby",
    "Björkfors",
    "Tallmo",
    "Ängsvik",
    "Stenholma",
    "Furudal Övre",
    "Kvarnby",
    "Älvnäs",
    "Hagalund Norra",
];
pub(super) const REGIONS: &[&str] = &["Mellanland", "Nordmark", "Sydkust", "Inlandet", "Österlen Väst"];
pub(super) const AGENCY_PREFIXES: &[&str] =
    &["Tillstånds", "Register", "Bidrags", "Tillsyns", "Utbildnings", "Transport", "Kultur", "Statistik"];
pub(super) const COMPANY_WORDS: &[&str] = &[
    "Nordvik",
    "Solbacka",
    "Blåklint",
    "Fjällnära",
    "Kustlinje",
    "Granskog",
    "Ljusglimt",
    "Vinterek",
    "Havsörn",
    "Stenbro",
];
pub(super) const COMPANY_KINDS: &[&str] =
    &["Handel", "Data", "Försäkring", "Vård", "Logistik", "Konsult", "Bank"];
pub(super) const FIRST_NAMES: &[&str] = &[
    "Karin", "Johan", "Anna", "Erik", "Maria", "Lars", "Sara", "Per", "Elin", "Ahmed", "Leila", "Mikael",
    "Sofia", "Nils", "Fatima", "Oskar", "Ingrid", "Jonas", "Aino", "Dragan",
];
pub(super) const LAST_NAMES: &[&str] = &[
    "Lindqvist",
    "Ek",
    "Berg",
    "Holm",
    "Sjöberg",
    "Åkesson",
    "Nyström",
    "Dahl",
    "Hassan",
    "Virtanen",
    "Öberg",
    "Lund",
    "Karlberg",
    "Strand",
    "Petrović",
];
pub(super) const ROLES: &[&str] = &[
    "Dataskyddsombud",
    "Informationssäkerhetssamordnare",
    "Jurist",
    "IT-chef",
    "Förvaltningschef",
    "Verksamhetsutvecklare",
    "Registrator",
];
pub(super) const STREETS: &[&str] =
    &["Storgatan", "Kyrkogatan", "Järnvägsgatan", "Skolvägen", "Industrivägen", "Hamngatan"];
pub(super) const WHO: &[&str] = &[
    "En handläggare",
    "En medarbetare på kundtjänst",
    "En lärare",
    "En sjuksköterska",
    "En konsult",
    "En chef",
    "En administratör",
];
pub(super) const WHAT: &[&str] = &[
    "ett beslut med personuppgifter",
    "en lista över deltagare",
    "ett utdrag ur ärendesystemet",
    "ett kalkylark med kontaktuppgifter",
    "en kallelse",
    "ett journalutdrag",
    "en faktura",
];
pub(super) const FOLLOW_UPS: &[&str] = &[
    "Mottagaren har bekräftat att uppgifterna har raderats.",
    "Vi har ännu inte fått svar från mottagaren.",
    "Händelsen har anmälts internt och utreds av dataskyddsombudet.",
    "Rutinerna ses nu över och personalen har påmints om dem.",
    "Loggarna har gåtts igenom för att se vilka uppgifter som berördes.",
    "Berörda system har kontrollerats och ingen ytterligare spridning har upptäckts.",
];

pub(super) const OCCURRED_COMMENTS: &[&str] = &[
    "Tidpunkten då utskicket gjordes.",
    "Enligt systemets loggar.",
    "Ungefärlig tidpunkt enligt medarbetaren.",
];
pub(super) const DISCOVERED_COMMENTS: &[&str] = &[
    "När en mottagare hörde av sig.",
    "Vid en rutinmässig kontroll av loggarna.",
    "När medarbetaren rapporterade händelsen till sin chef.",
];
pub(super) const CEASED_COMMENTS: &[&str] =
    &["När uppgifterna togs bort.", "När behörigheten ändrades.", "När kontot spärrades."];
pub(super) const LATE_REASONS: &[&str] = &[
    "Händelsen rapporterades först internt till fel funktion och nådde dataskyddsombudet efter flera dagar.",
    "Det tog tid att utreda om personuppgifter berördes över huvud taget.",
    "Incidenten inträffade under en helg med låg bemanning och bedömningen blev försenad.",
];
pub(super) const CAUSE_COMMENTS: &[&str] = &[
    "En leverantör ändrade inställningar utan att meddela oss.",
    "Orsaken är en kombination av flera faktorer.",
];
pub(super) const AREA_COMMENTS: &[&str] =
    &["Fastighetsförvaltning.", "Kulturverksamhet.", "Idrottsförening."];
pub(super) const ACTIONS: &[&str] = &[
    "Mottagaren kontaktades och ombads radera uppgifterna.",
    "Behörigheterna i systemet sågs över och rättades.",
    "Det berörda kontot spärrades och lösenorden byttes.",
    "Dataskyddsombudet informerades.",
    "Händelsen polisanmäldes.",
    "De registrerade informerades per brev.",
    "Publiceringen togs bort från webbplatsen.",
    "Personalen fick en påminnelse om rutinerna för utskick.",
];
pub(super) const NOT_INFORMING_REASONS: &[&str] = &[
    "Vi bedömer att incidenten inte medför någon hög risk för de registrerades rättigheter och friheter.",
    "Mottagaren har raderat uppgifterna och risken för de registrerade bedöms som låg.",
    "Det skulle kräva en oproportionerligt stor ansträngning; vi informerar i stället genom ett offentligt meddelande.",
];
