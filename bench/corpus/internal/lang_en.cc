// English: the largest share of the corpus (agency wires, ministries).
#include "bench/corpus/internal/language_pack.h"

namespace accord::bench::internal {

const LanguagePack& EnglishPack() {
  static const LanguagePack* const kPack = new LanguagePack{
      .code = "en",
      .weight_percent = 35,
      .nouns =
          "cooperation|security|government|meeting|countries|agreement|"
          "information|development|ministry|delegation|talks|region|"
          "relations|framework|partnership|capacity|threats|attacks|"
          "infrastructure|networks|data|technology|systems|experience|"
          "training|measures|efforts|policy|dialogue|exchange|support|"
          "proposal|strategy|visit|leaders|officials|experts|representatives|"
          "community|peace|stability|trust|sovereignty|law|rules|principles|"
          "mechanism|forum|session|conference|summit|consultations|"
          "negotiations|draft|text|provisions|articles|signing|ratification|"
          "implementation|commitment|responsibility|behaviour|conduct|"
          "investigation|evidence|prosecution|extradition|assistance|"
          "authorities|police|agencies|centre|operators|providers|users|"
          "citizens|businesses|companies|banks|hospitals|services|platforms|"
          "software|hardware|vulnerabilities|incidents|breaches|ransomware|"
          "malware|phishing|fraud|espionage|sabotage|disinformation|"
          "propaganda|terrorism|crimes|offences|criminals|groups|actors|"
          "states|nations|members|partners|neighbours|allies|sides|parties|"
          "economy|trade|investment|growth|innovation|transformation|"
          "connectivity|internet|cyberspace|domain|environment|ecosystem|"
          "resilience|defence|protection|prevention|response|recovery|"
          "detection|monitoring|assessment|analysis|report|study|survey|"
          "figures|statistics|number|percent|budget|funding|resources|"
          "workforce|specialists|students|universities|institutes|"
          "researchers|engineers|standards|certification|regulation|"
          "legislation|decree|resolution|declaration|statement|memorandum|"
          "roadmap|plan|programme|project|initiative|campaign|exercise|"
          "drill|workshop|seminar|course|curriculum|awareness|skills|"
          "knowledge|lessons|practices|challenges|opportunities|risks|"
          "concerns|priorities|interests|goals|objectives|results|outcomes|"
          "progress|achievements|steps|stage|phase|round|term|year|years|"
          "months|weeks|days|period|future|history|anniversary|occasion|"
          "ceremony|reception|banquet|interview|speech|remarks|address|"
          "press|media|journalists|reporters|newspaper|television|radio|"
          "website|accounts|messages|emails|passwords|identities|privacy|"
          "encryption|keys|certificates|servers|clouds|satellites|cables|"
          "telecommunications|energy|grids|water|transport|ports|airports|"
          "elections|parliament|assembly|council|committee|commission|"
          "secretariat|office|department|agency|institution|organisation|"
          "region|province|city|capital|border|territory|world|globe|"
          "humanity|society|people|youth|women|children|families|workers|"
          "children|victims|damage|losses|costs|money|cryptocurrency|"
          "payments|transactions|markets|supply|chains|products|devices|"
          "phones|computers|chips|semiconductors|algorithms|intelligence",
      .adjectives =
          "international|national|bilateral|multilateral|regional|global|"
          "cyber|digital|strategic|comprehensive|important|new|further|"
          "common|joint|practical|effective|open|secure|safe|stable|"
          "peaceful|responsible|legal|binding|voluntary|technical|"
          "operational|public|private|critical|key|major|significant|"
          "substantial|concrete|close|deep|broad|long-term|sustainable|"
          "mutual|friendly|traditional|fruitful|constructive|frank|"
          "productive|successful|positive|active|proactive|timely|urgent|"
          "serious|growing|increasing|emerging|complex|sophisticated|"
          "malicious|criminal|illegal|transnational|cross-border|foreign|"
          "domestic|local|senior|high-level|deputy|permanent|special|"
          "additional|relevant|specific|appropriate|necessary|essential|"
          "fundamental|political|economic|social|military|diplomatic|"
          "judicial|legislative|administrative|financial|industrial|"
          "scientific|academic|educational|professional|innovative|modern|"
          "advanced|artificial|smart|mobile|online|virtual|physical|"
          "human|civil|commercial|independent|equal|fair|inclusive|"
          "transparent|accountable|consistent|universal|collective|"
          "historic|landmark|first|second|third|annual|previous|next|recent|"
          "upcoming|current|latest|final|initial|broader|stronger|greater",
      .verbs =
          "discussed|agreed|signed|stressed|emphasised|underlined|noted|"
          "welcomed|expressed|affirmed|reaffirmed|highlighted|proposed|"
          "suggested|called for|urged|pledged|committed to|supported|"
          "praised|appreciated|reviewed|assessed|exchanged|shared|adopted|"
          "approved|ratified|launched|hosted|attended|chaired|co-chaired|"
          "led|received|met|visited|held|organised|concluded|completed|"
          "strengthened|enhanced|expanded|promoted|boosted|fostered|"
          "improved|developed|established|built|created|ensured|protected|"
          "safeguarded|prevented|combated|fought|tackled|addressed|"
          "investigated|detected|identified|reported|warned|condemned|"
          "rejected|denied|confirmed|announced|revealed|presented|"
          "introduced|outlined|explained|informed|briefed|updated|"
          "coordinated|facilitated|implemented|enforced|negotiated|drafted|"
          "finalised|endorsed|backed|joined|invited|thanked|congratulated",
      .topics =
          "information security|cybersecurity|cybercrime|international "
          "information security|cyber security|the UN Convention against "
          "Cybercrime|the Hanoi Convention|norms of responsible state "
          "behaviour in cyberspace|critical information infrastructure|"
          "personal data protection|the fight against cybercrime|digital "
          "transformation|high-tech crime|the use of information and "
          "communication technologies|confidence-building measures|capacity "
          "building|the Open-ended Working Group|cyber incidents|online "
          "fraud|ransomware attacks|child sexual abuse material|electronic "
          "evidence|mutual legal assistance|network security|data "
          "security|artificial intelligence|the digital economy|cyber "
          "threats|the exchange of information|the prevention of "
          "cybercrime|law enforcement cooperation|a secure cyberspace|the "
          "international treaty|the convention|the protocol|security of "
          "supply chains|money laundering|cyber terrorism|the security of "
          "elections|state sovereignty in cyberspace|international law",
      .titles =
          "President|Prime Minister|Deputy Prime Minister|Minister of "
          "Foreign Affairs|Deputy Minister of Public Security|Minister of "
          "Information and Communications|Deputy Foreign Minister|"
          "Ambassador|Secretary General|Director General|Special "
          "Representative|Senator|General|Lieutenant General|Chairman|"
          "Vice Chairman|Head of the delegation|Permanent Representative|"
          "Deputy Minister|Minister of Justice|Chief of Staff|Director",
      .first_names =
          "Nguyen|Tran|Le|Pham|Vladimir|Sergey|Dmitry|Artur|Emmanuel|Olaf|"
          "Anna|Maria|John|David|Michael|Sarah|James|Robert|Elena|Olga|"
          "Rebecca|Antonio|Carlos|Jose|Hans|Klaus|Pierre|Jean|Marie|Li|"
          "Wang|Kim|Park|Hiroshi|Yuki|Ahmed|Fatima|Rajesh|Priya|Lee|"
          "Thomas|Andrea|Peter|Paul|Mark|Laura|Julia|Ivan|Nikolai|Ursula",
      .last_names =
          "Putin|Lavrov|Quang|Trung|Hung|Nam|Liukmanov|Krutskikh|Guterres|"
          "Macron|Scholz|Smith|Johnson|Brown|Miller|Bryant|Garcia|Martinez|"
          "Lopez|Dubois|Martin|Bernard|Schmidt|Muller|Weber|Fischer|Ivanov|"
          "Petrov|Sokolov|Kuznetsov|Tanaka|Suzuki|Chen|Zhang|Liu|Sharma|"
          "Singh|Khan|Hassan|Rossi|Ferrari|Kowalski|Novak|Horvath|Jensen|"
          "Larsen|Andersson|Nielsen|Silva|Santos|Oliveira|Costa|Mendes",
      .countries =
          "Vietnam|Russia|China|the United States|France|Germany|Japan|"
          "India|Australia|the Republic of Korea|Singapore|Indonesia|"
          "Malaysia|Thailand|the Philippines|Laos|Cambodia|Myanmar|Brunei|"
          "the United Kingdom|Italy|Spain|Canada|Brazil|Mexico|Argentina|"
          "South Africa|Egypt|Nigeria|Kenya|Turkey|Iran|Saudi Arabia|the "
          "United Arab Emirates|Israel|Kazakhstan|Uzbekistan|Belarus|"
          "Ukraine|Poland|the Netherlands|Belgium|Sweden|Norway|Finland|"
          "Estonia|Switzerland|Austria|Cuba|Chile|New Zealand|Pakistan",
      .cities =
          "Hanoi|Ho Chi Minh City|Da Nang|Moscow|Beijing|Washington|Paris|"
          "Berlin|Tokyo|New Delhi|Canberra|Seoul|Singapore|Jakarta|Kuala "
          "Lumpur|Bangkok|Manila|Vientiane|Phnom Penh|London|Rome|Madrid|"
          "Ottawa|Brasilia|Geneva|Vienna|New York|Brussels|The Hague|"
          "Stockholm|Oslo|Helsinki|Tallinn|Warsaw|Minsk|Astana|Tashkent|"
          "Ankara|Cairo|Nairobi|Havana|Santiago|Wellington|Tver|Sochi|"
          "Saint Petersburg|Hue|Can Tho|Hai Phong|Nha Trang",
      .organizations =
          "the United Nations|ASEAN|the UN General Assembly|INTERPOL|"
          "ASEANAPOL|the International Telecommunication Union|the Ministry "
          "of Public Security|the Ministry of Foreign Affairs|the Ministry "
          "of Information and Communications|the Security Council of the "
          "Russian Federation|the European Union|the Council of Europe|"
          "UNODC|the Shanghai Cooperation Organisation|BRICS|APEC|the G20|"
          "the World Bank|the OSCE|the African Union|the Australian "
          "Strategic Policy Institute|the Ad Hoc Committee|the "
          "National Cyber Security Centre|Europol|the ASEAN Regional Forum",
      .agencies = "VNA|Reuters|AP|AFP|Xinhua|Kyodo|Bernama|Yonhap",
      .months =
          "January|February|March|April|May|June|July|August|September|"
          "October|November|December",
      .stopwords =
          "the|a|an|of|in|on|at|to|for|and|or|with|by|from|as|is|are|was|"
          "were|be|been|that|this|these|those|it|its|their|his|her|they|he|"
          "she|we|our|has|have|had|will|would|can|could|should|not|also|"
          "which|who|between|within|into|over|under|about|after|before",
      .headlines = {"{C} and {C} discuss {T}",
                    "{C}, {C} step up cooperation on {T}",
                    "{P} {L} meets {A} delegation in {Y}",
                    "{O} {V} new steps on {T}",
                    "{C} calls for {A} cooperation against {T}",
                    "Conference on {T} opens in {Y}", "{C} signs {T} in {Y}",
                    "{A} {N} key to {T}, says {L}",
                    "{C} suggests ways to ensure {T} at {O} meeting",
                    "{Y} hosts {A} consultations on {T}"},
      .leads =
          {"{C} and {C} have {V} a joint statement on their cooperation in "
           "{T} following a meeting between {P} {F} {L} and {P} {F} {L}.",
           "{P} {F} {L} has {V} {A} measures for ensuring {T} while "
           "attending a {A} meeting on {N} in {Y} on {M} {d}.",
           "The {O} {V} a {A} conference on {T} in {Y} on {M} {d}, {R}, "
           "bringing together {D} delegations from {D} countries.",
           "Representatives of {C} and {C} held the {D}th round of "
           "consultations on {T} in {Y}, the {O} said.",
           "{P} {F} {L} {V} the importance of {T} during talks with a "
           "{A} delegation from {C} in {Y} on {M} {d}."},
      .sentences =
          {"The two sides {V} the {A} {N} between {C} and {C} in {T}.",
           "They {V} that {T} needs {A} actions at bilateral, multilateral, "
           "regional and global levels within the framework of {O}.",
           "{P} {L} said {C} was ready to share {N} and {N} in {T} with "
           "{A} partners.",
           "According to the {N}, {A} {N} against {T} must respect "
           "international law and the sovereignty of states.",
           "The {A} {N} will help prevent the use of information and "
           "communication technologies for {T} and other crimes.",
           "Participants {V} {A} {N} such as {T}, {T} and {T}.",
           "{L} {V} that {C} always considered {T} a {A} priority.",
           "The meeting took place in {Y} within the framework of the {A} "
           "{N} of {O}.",
           "In {R}, {C} and {C} {V} a memorandum of understanding on {T}.",
           "The delegation also {V} {A} {N} with officials of {C}, {C} and "
           "{C} to discuss {T} in the region and the world.",
           "More than {D} {N} were {V} last year, {D} percent more than in "
           "{R}, the report said.",
           "Countries should support one another to build an international "
           "{N} of {T} and improve the capacity of protecting {N}.",
           "{O} has {V} the {A} {N} as a model for {A} {N} in {T}.",
           "{P} {F} {L} {V} the {A} role of {O} in promoting {T}.",
           "The {N} of {C} {V} {A} {N} on {T}, {N} and {N}.",
           "Experts {V} that {A} {N} and {A} {N} remain the main {N} to "
           "{T}.",
           "The {A} session of {O} is scheduled for {M} {R} in {Y}.",
           "On the fringe of the event, {L} also {V} {A} {N} with the "
           "{N} of {C}.",
           "Both sides agreed to {V} the exchange of {N} on {T} and to "
           "hold regular consultations on international information "
           "security.",
           "{C} is one of the first countries to sign the UN Convention "
           "against Cybercrime, {L} said.",
           "The {N} {V} {D} {A} {N} and {D} {N} related to {T}.",
           "The {A} {N} also covered {T}, {N} and the {N} of {N}."},
      .captions = {"{P} {F} {L} speaks at the {A} {N} in {Y}",
                   "Delegates of {C} and {C} at the {N} on {T}",
                   "{P} {F} {L} (centre) leads the delegation of {C} to the "
                   "meeting in {Y}"},
      .source_label = "Source: ",
      .photo_label = "Photo: ",
      .dictionary = "en_US",
      .dictionary_package = "hunspell-en-us",
      .name_onsets =
          "b|bl|br|c|ch|cl|cr|d|dr|f|fl|fr|g|gl|gr|h|j|k|l|m|n|p|pl|pr|r|s|"
          "sh|sl|st|t|th|tr|v|w|wh|y",
      .name_nuclei = "a|e|i|o|u|ai|ay|ea|ee|ie|oa|oo|ou|ow|y",
      .name_codas =
          "b|ck|d|ff|g|k|l|ll|m|n|nd|ng|nt|p|r|rd|rn|rt|s|ss|st|t|th|x",
      .surname_suffixes =
          "son|ton|ley|ford|well|wood|field|man|er|s|by|worth|ridge|ham|"
          "ing|ett|ins|more|stone|wick",
      .place_patterns =
          "{S}ton|{S}field|Port {S}|{S} Springs|{S}burg|New {S}|{S}ville|"
          "Lake {S}|{S} Heights|{S}mouth|Fort {S}|{S} Falls|North {S}|"
          "{S}wick",
      .organization_patterns =
          "the {S} Institute for {W} Studies|the {S} Group|{U}|the {S} "
          "Foundation|the Centre for {W} and {W}|{S} Holdings|{S} Security "
          "Labs|the {S} {W} Agency ({U})|the {S} {W} Council|{S} Systems|"
          "{S} Bank|the University of {S}",
      .acronym_letters = "ABCDEFGHIJKLMNOPRSTUVW",
      .thousands_separator = ",",
      .decimal_separator = ".",
      .percent_suffix = "%",
      .million = "million",
      .billion = "billion",
      .number_label = "No.",
      .news_headlines = {"{K} reports {Q} {W} incidents in {H}",
                         "{G} named head of {K}",
                         "Police in {H} arrest {D} over {W} fraud",
                         "{H} {W} attack traced to {I}",
                         "{K} and {K} sign {W} deal"},
      .news_sentences =
          {"{G}, a {W} at {K}, said the {W} had affected {Q} users in {H} "
           "since {E}.",
           "According to {K}, the attack on {H} used {I} and caused losses "
           "of {Q} dollars.",
           "{L} told reporters that {X} of {W} in {H} were {W}.",
           "Police in {H} arrested {D} suspects, including {G}, on {E}.",
           "The {W} was traced to {I}, {K} said in a statement.",
           "{K} recorded {Q} incidents in {R}, up {X} from a year earlier.",
           "The {W} and {W} of {H} remain a concern, {L} said.",
           "Investigators identified {I} as the source of the {W}.",
           "{G} of {K} and {G} of {K} signed the agreement in {H} on {E}.",
           "The fine of {Q} euros is the largest imposed by {K} since {R}.",
           "Officials in {H} said {W}, {W} and {W} were on the agenda.",
           "The report, published on {E}, lists {Q} {W} cases and {D} {W} "
           "networks.",
           "{G}, who heads {K} in {H}, called the {W} {A}."},
  };
  return *kPack;
}

}  // namespace accord::bench::internal
