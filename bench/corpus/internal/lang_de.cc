// German: dpa/APA wires and VNA's German service; long compounds.
#include "bench/corpus/internal/language_pack.h"

namespace accord::bench::internal {

const LanguagePack& GermanPack() {
  static const LanguagePack* const kPack = new LanguagePack{
      .code = "de",
      .weight_percent = 15,
      .nouns =
          "die Zusammenarbeit|die Sicherheit|die Regierung|das Treffen|die "
          "Länder|das Abkommen|die Information|die Entwicklung|das "
          "Ministerium|die Delegation|die Gespräche|die Region|die "
          "Beziehungen|der Rahmen|die Partnerschaft|die Kapazitäten|die "
          "Bedrohungen|die Angriffe|die Infrastruktur|die Netzwerke|die "
          "Daten|die Technologie|die Systeme|die Erfahrung|die Ausbildung|"
          "die Maßnahmen|die Bemühungen|die Politik|der Dialog|der "
          "Austausch|die Unterstützung|der Vorschlag|die Strategie|der "
          "Besuch|die Staatschefs|die Beamten|die Experten|die Vertreter|die "
          "Gemeinschaft|der Frieden|die Stabilität|das Vertrauen|die "
          "Souveränität|das Recht|die Regeln|die Grundsätze|der "
          "Mechanismus|das Forum|die Sitzung|die Konferenz|der Gipfel|die "
          "Konsultationen|die Verhandlungen|der Entwurf|der Text|die "
          "Bestimmungen|die Unterzeichnung|die Ratifizierung|die Umsetzung|"
          "die Verpflichtung|die Verantwortung|das Verhalten|die "
          "Ermittlungen|die Beweise|die Strafverfolgung|die Auslieferung|"
          "die Rechtshilfe|die Behörden|die Polizei|die Agenturen|das "
          "Zentrum|die Betreiber|die Anbieter|die Nutzer|die Bürger|die "
          "Unternehmen|die Banken|die Krankenhäuser|die Dienste|die "
          "Plattformen|die Software|die Schwachstellen|die Vorfälle|die "
          "Datenlecks|die Erpressersoftware|die Schadsoftware|der Betrug|"
          "die Spionage|die Desinformation|der Terrorismus|die Straftaten|"
          "die Täter|die Gruppen|die Akteure|die Staaten|die Nationen|die "
          "Mitglieder|die Partner|die Nachbarn|die Seiten|die Wirtschaft|"
          "der Handel|die Investitionen|das Wachstum|die Innovation|die "
          "Digitalisierung|das Internet|der Cyberraum|die Umgebung|die "
          "Widerstandsfähigkeit|die Verteidigung|der Schutz|die Prävention|"
          "die Reaktion|die Erkennung|die Überwachung|die Bewertung|die "
          "Analyse|der Bericht|die Studie|die Zahlen|der Haushalt|die "
          "Finanzierung|die Ressourcen|die Fachkräfte|die Studenten|die "
          "Universitäten|die Forscher|die Ingenieure|die Normen|die "
          "Regulierung|die Gesetzgebung|der Erlass|die Resolution|die "
          "Erklärung|das Memorandum|der Fahrplan|der Plan|das Programm|das "
          "Projekt|die Initiative|die Kampagne|die Übung|der Workshop|das "
          "Seminar|das Bewusstsein|die Fähigkeiten|das Wissen|die Praxis|"
          "die Herausforderungen|die Chancen|die Risiken|die Sorgen|die "
          "Prioritäten|die Interessen|die Ziele|die Ergebnisse|die "
          "Fortschritte|die Schritte|das Jahr|die Jahre|die Monate|die "
          "Zukunft|die Geschichte|der Jahrestag|der Anlass|die Zeremonie|"
          "das Interview|die Rede|die Presse|die Medien|die Journalisten|"
          "die Zeitung|das Fernsehen|die Webseite|die Konten|die "
          "Nachrichten|die Passwörter|die Privatsphäre|die Verschlüsselung|"
          "die Server|die Kabel|die Telekommunikation|die Energie|der "
          "Verkehr|die Wahlen|das Parlament|die Versammlung|der Rat|der "
          "Ausschuss|die Kommission|das Sekretariat|das Büro|die "
          "Institution|die Organisation|die Provinz|die Stadt|die "
          "Hauptstadt|die Grenze|das Gebiet|die Welt|die Gesellschaft|die "
          "Jugend|die Frauen|die Kinder|die Opfer|die Schäden|die Verluste|"
          "die Kosten|das Geld|die Kryptowährungen|die Zahlungen|die Märkte|"
          "die Lieferketten|die Produkte|die Geräte|die Telefone|die "
          "Computer|die Chips|die Algorithmen",
      .adjectives =
          "internationale|nationale|bilaterale|multilaterale|regionale|"
          "globale|digitale|strategische|umfassende|wichtige|neue|weitere|"
          "gemeinsame|praktische|wirksame|offene|sichere|stabile|"
          "friedliche|verantwortungsvolle|rechtliche|verbindliche|"
          "freiwillige|technische|operative|öffentliche|private|kritische|"
          "zentrale|große|bedeutende|konkrete|enge|tiefe|breite|"
          "langfristige|nachhaltige|gegenseitige|freundschaftliche|"
          "traditionelle|fruchtbare|konstruktive|offene|produktive|"
          "erfolgreiche|positive|aktive|dringende|ernsthafte|wachsende|"
          "zunehmende|komplexe|böswillige|kriminelle|illegale|"
          "grenzüberschreitende|ausländische|lokale|hochrangige|ständige|"
          "besondere|zusätzliche|relevante|spezifische|notwendige|"
          "wesentliche|grundlegende|politische|wirtschaftliche|soziale|"
          "militärische|diplomatische|justizielle|finanzielle|industrielle|"
          "wissenschaftliche|akademische|berufliche|innovative|moderne|"
          "fortschrittliche|künstliche|intelligente|mobile|virtuelle|"
          "menschliche|zivile|kommerzielle|unabhängige|gleiche|faire|"
          "transparente|universelle|kollektive|historische|erste|zweite|"
          "jährliche|nächste|jüngste|aktuelle|letzte|endgültige",
      .verbs =
          "erörtert|vereinbart|unterzeichnet|betont|hervorgehoben|begrüßt|"
          "bekräftigt|vorgeschlagen|angeregt|gefordert|zugesagt|unterstützt|"
          "gewürdigt|geprüft|bewertet|ausgetauscht|geteilt|angenommen|"
          "gebilligt|ratifiziert|gestartet|ausgerichtet|besucht|geleitet|"
          "empfangen|getroffen|abgehalten|organisiert|abgeschlossen|"
          "gestärkt|ausgebaut|gefördert|verbessert|entwickelt|gegründet|"
          "aufgebaut|geschaffen|gewährleistet|geschützt|verhindert|"
          "bekämpft|angegangen|untersucht|erkannt|identifiziert|gemeldet|"
          "gewarnt|verurteilt|abgelehnt|bestätigt|angekündigt|vorgestellt|"
          "erläutert|informiert|koordiniert|erleichtert|umgesetzt|"
          "verhandelt|ausgearbeitet|eingeladen|gedankt|gratuliert",
      .topics =
          "Informationssicherheit|Cybersicherheit|Cyberkriminalität|"
          "internationale Informationssicherheit|das Übereinkommen der "
          "Vereinten Nationen gegen Cyberkriminalität|das "
          "Hanoi-Übereinkommen|die Normen für verantwortungsvolles "
          "staatliches Verhalten im Cyberraum|kritische "
          "Informationsinfrastruktur|den Schutz personenbezogener Daten|die "
          "Bekämpfung der Cyberkriminalität|die digitale Transformation|"
          "Hightech-Kriminalität|die Nutzung von Informations- und "
          "Kommunikationstechnologien|vertrauensbildende Maßnahmen|den "
          "Kapazitätsaufbau|die offene Arbeitsgruppe|Cybervorfälle|"
          "Onlinebetrug|Ransomware-Angriffe|elektronische Beweismittel|"
          "gegenseitige Rechtshilfe|Netzwerksicherheit|Datensicherheit|"
          "künstliche Intelligenz|die digitale Wirtschaft|Cyberbedrohungen|"
          "den Informationsaustausch|die polizeiliche Zusammenarbeit|einen "
          "sicheren Cyberraum|den internationalen Vertrag|die Konvention|"
          "Geldwäsche|Cyberterrorismus|die Souveränität der Staaten im "
          "Cyberraum|das Völkerrecht",
      .titles =
          "Präsident|Premierminister|Vizepremierminister|Außenminister|"
          "Vizeminister für öffentliche Sicherheit|Minister für Information "
          "und Kommunikation|Botschafter|Generalsekretär|Generaldirektor|"
          "Sonderbeauftragter|General|Vorsitzender|Delegationsleiter|"
          "Ständiger Vertreter|Vizeminister|Justizminister|Direktor|"
          "Bundeskanzler|Staatssekretär",
      .first_names =
          "Nguyen|Tran|Le|Pham|Wladimir|Sergej|Dmitri|Artur|Olaf|Frank-"
          "Walter|Annalena|Nancy|Hans|Klaus|Peter|Thomas|Andreas|Stefan|"
          "Michael|Sabine|Petra|Monika|Ursula|Katrin|Jürgen|Wolfgang|Jörg|"
          "Heike|Anja|Matthias",
      .last_names =
          "Putin|Lawrow|Quang|Trung|Hung|Nam|Liukmanov|Guterres|Scholz|"
          "Steinmeier|Baerbock|Faeser|Müller|Schmidt|Schneider|Fischer|"
          "Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|"
          "Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|"
          "Krüger|Hofmann|Hartmann|Lange|Werner",
      .countries =
          "Vietnam|Russland|China|die Vereinigten Staaten|Frankreich|"
          "Deutschland|Japan|Indien|Australien|Südkorea|Singapur|"
          "Indonesien|Malaysia|Thailand|die Philippinen|Laos|Kambodscha|"
          "Myanmar|Großbritannien|Italien|Spanien|Kanada|Brasilien|Mexiko|"
          "Südafrika|Ägypten|die Türkei|Iran|Kasachstan|Belarus|die "
          "Ukraine|Polen|die Niederlande|Belgien|Österreich|die Schweiz|"
          "Schweden|Norwegen|Finnland|Estland|Kuba",
      .cities =
          "Hanoi|Ho-Chi-Minh-Stadt|Da Nang|Moskau|Peking|Washington|Paris|"
          "Berlin|Tokio|Neu-Delhi|Seoul|Singapur|Jakarta|Kuala Lumpur|"
          "Bangkok|Manila|Vientiane|Phnom Penh|London|Rom|Madrid|Genf|Wien|"
          "New York|Brüssel|Den Haag|München|Hamburg|Frankfurt|Bonn|"
          "Zürich|Bern|Warschau|Minsk|Astana|Tver|Sankt Petersburg",
      .organizations =
          "die Vereinten Nationen|die ASEAN|die Generalversammlung der "
          "Vereinten Nationen|Interpol|die Internationale "
          "Fernmeldeunion|das Ministerium für öffentliche Sicherheit|das "
          "Außenministerium|das Ministerium für Information und "
          "Kommunikation|die Europäische Union|der Europarat|UNODC|die "
          "Schanghaier Organisation für Zusammenarbeit|APEC|die G20|die "
          "Weltbank|die OSZE|das BSI|Europol|der Ad-hoc-Ausschuss",
      .agencies = "dpa|APA|VNA|Reuters|AFP|KNA",
      .months =
          "Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
          "Oktober|November|Dezember",
      .stopwords =
          "der|die|das|den|dem|des|ein|eine|einen|einem|eines|und|oder|in|"
          "im|an|am|auf|zu|zur|zum|für|mit|von|vom|bei|aus|nach|über|unter|"
          "als|dass|sich|sie|er|es|wir|ist|sind|war|hat|haben|wird|werden|"
          "nicht|auch|zwischen|seit|sowie|ihre|seine",
      .headlines = {"{C} und {C} erörtern {T}",
                    "{C} und {C} stärken Zusammenarbeit bei {T}",
                    "{P} {F} {L} empfängt Delegation aus {C}",
                    "Konferenz über {T} in {Y}",
                    "{C} fordert {A} Zusammenarbeit gegen {T}",
                    "Unterzeichnung in {Y}: {T}",
                    "Interview: {T} braucht die Hand aller Länder"},
      .leads = {"Anlässlich der Unterzeichnungszeremonie des "
                "Hanoi-Übereinkommens zur Bekämpfung der Cyberkriminalität am "
                "{D}. und {d}. {M} in {Y} gab {P} {F} {L} ein Interview über "
                "{T}.",
                "{C} und {C} haben bei einem Treffen in {Y} am {d}. {M} {R} "
                "{N} im Bereich {T} {V}.",
                "{O} hat am {d}. {M} in {Y} eine {A} Konferenz über {T} "
                "ausgerichtet, an der {D} Delegationen teilnahmen.",
                "{P} {F} {L} hat bei Gesprächen mit einer Delegation aus {C} "
                "in {Y} die Bedeutung von {T} {V}."},
      .sentences =
          {"Beide Seiten haben {N} zwischen {C} und {C} im Bereich {T} "
           "{V}.",
           "Sie betonten, dass {T} {A} Maßnahmen auf bilateraler, "
           "multilateraler, regionaler und globaler Ebene im Rahmen von {O} "
           "erfordert.",
           "{P} {L} sagte, {C} sei bereit, {N} und {N} im Bereich {T} zu "
           "teilen.",
           "Laut {N} muss die Bekämpfung von {T} das Völkerrecht und die "
           "Souveränität der Staaten achten.",
           "Die Teilnehmer haben {N}, {T} und {T} {V}.",
           "{L} hat {V}, dass {C} {T} stets als {A} Priorität betrachte.",
           "Das Treffen fand in {Y} im Rahmen von {N} von {O} statt.",
           "Im Jahr {R} haben {C} und {C} eine Absichtserklärung über {T} "
           "unterzeichnet.",
           "Die Delegation hat außerdem {N} mit Vertretern von {C} und {C} "
           "{V}, um über {T} zu sprechen.",
           "Im vergangenen Jahr wurden mehr als {D} Vorfälle gemeldet, {D} "
           "Prozent mehr als {R}, heißt es in dem Bericht.",
           "Die Länder sollten sich gegenseitig beim Aufbau eines "
           "internationalen Systems der Informationssicherheit "
           "unterstützen und {N} verbessern.",
           "{O} hat {N} als Vorbild für die {A} Zusammenarbeit im Bereich "
           "{T} {V}.",
           "{P} {F} {L} hat die {A} Rolle von {O} bei der Förderung von {T} "
           "{V}.",
           "Experten haben {V}, dass {N} und {N} die größten Bedrohungen "
           "für {T} bleiben.",
           "Die nächste Sitzung von {O} ist für {M} {R} in {Y} geplant.",
           "Er betonte auch die Frage der technologischen Souveränität und "
           "die Bedeutung von {T}.",
           "Beide Seiten vereinbarten, den Informationsaustausch über {T} zu "
           "verstärken und regelmäßige Konsultationen zur internationalen "
           "Informationssicherheit abzuhalten.",
           "{C} gehört zu den ersten Ländern, die das Übereinkommen der "
           "Vereinten Nationen gegen Cyberkriminalität unterzeichnet haben, "
           "sagte {L}.",
           "Das Dokument umfasst auch {T}, {N} und {N}."},
      .captions = {"{P} {F} {L} spricht auf der Konferenz in {Y}",
                   "Delegationen aus {C} und {C} beim Treffen über {T}"},
      .source_label = "Quelle: ",
      .photo_label = "Foto: ",
      .dictionary = "de_DE",
      .dictionary_package = "hunspell-de-de",
      .name_onsets =
          "b|br|d|f|fr|g|gr|h|k|kl|kr|l|m|n|p|pf|r|s|sch|schw|st|str|t|tr|"
          "w|z",
      .name_nuclei = "a|e|i|o|u|ä|ö|ü|au|ei|ie|eu",
      .name_codas = "n|r|l|s|t|ch|ck|ng|nd|rt|ß|tz|lf|rg",
      .surname_suffixes =
          "mann|er|berg|stein|bach|feld|hausen|ow|ke|ling|dorf|heim|brunn|"
          "hof|meier|huber|inger|wald",
      .place_patterns =
          "{S}dorf|{S}hausen|Bad {S}|{S}heim|{S}burg|{S}stadt|Neu-{S}|"
          "{S}ingen|{S}bach|{S}au|Ober{s}|{S}brück",
      .organization_patterns =
          "das {S}-Institut für {W}|die {S} AG|die {S} GmbH|die Stiftung "
          "{S}|das Bundesamt für {W}|{U}|die Universität {S}|die {S}bank|"
          "der {S}-Verband|die {S} Gruppe",
      .acronym_letters = "ABCDEFGHIKLMNOPRSTUVWZ",
      .thousands_separator = ".",
      .decimal_separator = ",",
      .percent_suffix = " Prozent",
      .million = "Millionen",
      .billion = "Milliarden",
      .number_label = "Nr.",
      .news_headlines = {"{K} meldet {Q} Vorfälle in {H}",
                         "{G} wird Chef von {K}",
                         "Polizei in {H} nimmt {D} Verdächtige fest",
                         "Angriff auf {H}: Spur führt zu {I}",
                         "{K} und {K} unterzeichnen {W}-Abkommen"},
      .news_sentences =
          {"{G}, {W} bei {K}, sagte, seit dem {E} seien in {H} {Q} Nutzer "
           "betroffen.",
           "Nach Angaben von {K} nutzte der Angriff auf {H} {I} und "
           "verursachte Schäden von {Q} Euro.",
           "{L} sagte vor Journalisten, {X} der {W} in {H} seien "
           "betroffen.",
           "Die Polizei in {H} nahm am {E} {D} Verdächtige fest, darunter "
           "{G}.",
           "Der {W} wurde auf {I} zurückgeführt, teilte {K} mit.",
           "{K} zählte im Jahr {R} {Q} Vorfälle, {X} mehr als im Vorjahr.",
           "{W} und {W} in {H} bleiben ein Problem, sagte {L}.",
           "Die Ermittler identifizierten {I} als Quelle des {W}.",
           "{G} von {K} und {G} von {K} unterzeichneten das Abkommen am {E} "
           "in {H}.",
           "Das Bußgeld von {Q} Euro ist das höchste, das {K} seit {R} "
           "verhängt hat.",
           "Auf der Tagesordnung in {H} standen {W}, {W} und {W}.",
           "Der am {E} veröffentlichte Bericht nennt {Q} Fälle von {W} und "
           "{D} Netzwerke.",
           "{G}, der {K} in {H} leitet, nannte den {W} {A}."},
  };
  return *kPack;
}

}  // namespace accord::bench::internal
