// French: agency wires (AFP, VNA's French service), ministries.
#include "bench/corpus/internal/language_pack.h"

namespace accord::bench::internal {

const LanguagePack& FrenchPack() {
  static const LanguagePack* const kPack = new LanguagePack{
      .code = "fr",
      .weight_percent = 20,
      .nouns =
          "la coopération|la sécurité|le gouvernement|la réunion|les pays|"
          "l’accord|l’information|le développement|le ministère|la "
          "délégation|les entretiens|la région|les relations|le cadre|le "
          "partenariat|les capacités|les menaces|les attaques|les "
          "infrastructures|les réseaux|les données|la technologie|les "
          "systèmes|l’expérience|la formation|les mesures|les efforts|la "
          "politique|le dialogue|l’échange|le soutien|la proposition|la "
          "stratégie|la visite|les dirigeants|les responsables|les experts|"
          "les représentants|la communauté|la paix|la stabilité|la "
          "confiance|la souveraineté|le droit|les règles|les principes|le "
          "mécanisme|le forum|la session|la conférence|le sommet|les "
          "consultations|les négociations|le projet|le texte|les "
          "dispositions|la signature|la ratification|la mise en œuvre|"
          "l’engagement|la responsabilité|le comportement|l’enquête|les "
          "preuves|les poursuites|l’extradition|l’assistance|les autorités|"
          "la police|les agences|le centre|les opérateurs|les fournisseurs|"
          "les utilisateurs|les citoyens|les entreprises|les banques|les "
          "hôpitaux|les services|les plateformes|les logiciels|les "
          "vulnérabilités|les incidents|les fuites|les rançongiciels|les "
          "logiciels malveillants|l’hameçonnage|la fraude|l’espionnage|la "
          "désinformation|le terrorisme|les crimes|les infractions|les "
          "criminels|les groupes|les acteurs|les États|les nations|les "
          "membres|les partenaires|les voisins|les parties|l’économie|le "
          "commerce|l’investissement|la croissance|l’innovation|la "
          "transformation|la connectivité|l’internet|le cyberespace|"
          "l’environnement|la résilience|la défense|la protection|la "
          "prévention|la réponse|la détection|la surveillance|l’évaluation|"
          "l’analyse|le rapport|l’étude|les chiffres|le budget|le "
          "financement|les ressources|les spécialistes|les étudiants|les "
          "universités|les chercheurs|les ingénieurs|les normes|la "
          "réglementation|la législation|le décret|la résolution|la "
          "déclaration|le communiqué|le mémorandum|la feuille de route|le "
          "plan|le programme|l’initiative|la campagne|l’exercice|l’atelier|"
          "le séminaire|la sensibilisation|les compétences|les "
          "connaissances|les pratiques|les défis|les opportunités|les "
          "risques|les préoccupations|les priorités|les intérêts|les "
          "objectifs|les résultats|les progrès|les étapes|l’année|les "
          "années|les mois|l’avenir|l’histoire|l’anniversaire|l’occasion|"
          "la cérémonie|l’interview|le discours|la presse|les médias|les "
          "journalistes|le journal|la télévision|le site|les comptes|les "
          "messages|les mots de passe|la vie privée|le chiffrement|les "
          "serveurs|le nuage|les câbles|les télécommunications|l’énergie|"
          "les transports|les élections|le parlement|l’assemblée|le "
          "conseil|le comité|la commission|le secrétariat|le bureau|"
          "l’institution|l’organisation|la province|la ville|la capitale|"
          "la frontière|le territoire|le monde|la société|la jeunesse|les "
          "femmes|les enfants|les victimes|les dommages|les pertes|les "
          "coûts|l’argent|les cryptomonnaies|les paiements|les marchés|les "
          "chaînes d’approvisionnement|les produits|les appareils|les "
          "téléphones|les ordinateurs|les puces|les algorithmes",
      .adjectives =
          "international|nationale|bilatérale|multilatérale|régionale|"
          "mondiale|numérique|stratégique|globale|importante|nouvelle|"
          "commune|conjointe|pratique|efficace|ouverte|sûre|stable|"
          "pacifique|responsable|juridique|contraignante|volontaire|"
          "technique|opérationnelle|publique|privée|critique|clé|majeure|"
          "significative|concrète|étroite|profonde|large|durable|mutuelle|"
          "amicale|traditionnelle|fructueuse|constructive|franche|"
          "productive|positive|active|urgente|sérieuse|croissante|"
          "émergente|complexe|sophistiquée|malveillante|criminelle|"
          "illégale|transnationale|transfrontalière|étrangère|locale|"
          "spéciale|supplémentaire|spécifique|appropriée|nécessaire|"
          "essentielle|fondamentale|politique|économique|sociale|"
          "militaire|diplomatique|judiciaire|législative|administrative|"
          "financière|industrielle|scientifique|académique|professionnelle|"
          "innovante|moderne|avancée|artificielle|intelligente|mobile|"
          "virtuelle|humaine|civile|commerciale|indépendante|égale|"
          "équitable|inclusive|transparente|cohérente|universelle|"
          "collective|historique|première|deuxième|annuelle|prochaine|"
          "récente|actuelle|dernière|finale|initiale|forte|grande",
      .verbs =
          "discuté|convenu|signé|souligné|noté|salué|exprimé|affirmé|"
          "réaffirmé|mis en avant|proposé|suggéré|appelé à|exhorté|promis|"
          "soutenu|apprécié|examiné|évalué|échangé|partagé|adopté|approuvé|"
          "ratifié|lancé|accueilli|assisté à|présidé|coprésidé|dirigé|reçu|"
          "rencontré|visité|tenu|organisé|conclu|achevé|renforcé|élargi|"
          "promu|développé|établi|construit|créé|assuré|protégé|"
          "sauvegardé|prévenu|combattu|lutté contre|abordé|enquêté sur|"
          "détecté|identifié|signalé|averti|condamné|rejeté|démenti|"
          "confirmé|annoncé|révélé|présenté|introduit|expliqué|informé|"
          "coordonné|facilité|appliqué|négocié|rédigé|finalisé|approuvé|"
          "rejoint|invité|remercié|félicité",
      .topics =
          "la sécurité de l’information|la cybersécurité|la "
          "cybercriminalité|la sécurité de l’information internationale|la "
          "Convention des Nations unies contre la cybercriminalité|la "
          "Convention de Hanoï|les normes de comportement responsable des "
          "États dans le cyberespace|les infrastructures d’information "
          "critiques|la protection des données personnelles|la lutte contre "
          "la cybercriminalité|la transformation numérique|la criminalité "
          "de haute technologie|l’utilisation des technologies de "
          "l’information et de la communication|les mesures de confiance|le "
          "renforcement des capacités|le Groupe de travail à composition "
          "non limitée|les cyberincidents|la fraude en ligne|les attaques "
          "par rançongiciel|les preuves électroniques|l’entraide judiciaire|"
          "la sécurité des réseaux|l’intelligence artificielle|l’économie "
          "numérique|les cybermenaces|l’échange d’informations|la "
          "coopération policière|un cyberespace sûr|le traité "
          "international|la convention|le blanchiment d’argent|le "
          "cyberterrorisme|la souveraineté des États dans le cyberespace|le "
          "droit international",
      .titles =
          "le président|le Premier ministre|le vice-Premier ministre|le "
          "ministre des Affaires étrangères|le vice-ministre de la Sécurité "
          "publique|le ministre de l’Information et des Communications|"
          "l’ambassadeur|le secrétaire général|le directeur général|le "
          "représentant spécial|le général|le président du comité|le chef "
          "de la délégation|le représentant permanent|le vice-ministre|le "
          "ministre de la Justice|le directeur",
      .first_names =
          "Nguyen|Trân|Le|Pham|Vladimir|Sergueï|Dmitri|Artur|Emmanuel|Olaf|"
          "Anne|Marie|Jean|Pierre|Michel|Sophie|Isabelle|Nicolas|François|"
          "Catherine|Philippe|Élisabeth|Antoine|Julien|Camille|Thomas|Luc|"
          "Hélène|Claire|Paul",
      .last_names =
          "Poutine|Lavrov|Quang|Trung|Hung|Nam|Liukmanov|Guterres|Macron|"
          "Dubois|Martin|Bernard|Thomas|Petit|Robert|Richard|Durand|Leroy|"
          "Moreau|Simon|Laurent|Lefebvre|Michel|Garcia|David|Bertrand|Roux|"
          "Vincent|Fournier|Morel|Girard|André|Mercier|Blanc|Guérin|Boyer",
      .countries =
          "le Vietnam|la Russie|la Chine|les États-Unis|la France|"
          "l’Allemagne|le Japon|l’Inde|l’Australie|la Corée du Sud|"
          "Singapour|l’Indonésie|la Malaisie|la Thaïlande|les Philippines|"
          "le Laos|le Cambodge|le Myanmar|le Royaume-Uni|l’Italie|"
          "l’Espagne|le Canada|le Brésil|le Mexique|l’Afrique du Sud|"
          "l’Égypte|le Maroc|l’Algérie|la Tunisie|le Sénégal|la Côte "
          "d’Ivoire|la Belgique|la Suisse|le Luxembourg|la Turquie|l’Iran|"
          "le Kazakhstan|la Biélorussie|l’Ukraine|la Pologne|Cuba",
      .cities =
          "Hanoï|Hô Chi Minh-Ville|Dà Nang|Moscou|Pékin|Washington|Paris|"
          "Berlin|Tokyo|New Delhi|Séoul|Singapour|Jakarta|Kuala Lumpur|"
          "Bangkok|Manille|Vientiane|Phnom Penh|Londres|Rome|Madrid|Genève|"
          "Vienne|New York|Bruxelles|La Haye|Lyon|Marseille|Strasbourg|"
          "Dakar|Rabat|Alger|Tunis|Montréal|Québec|Hué",
      .organizations =
          "les Nations unies|l’ASEAN|l’Assemblée générale des Nations unies|"
          "INTERPOL|l’Union internationale des télécommunications|le "
          "ministère de la Sécurité publique|le ministère des Affaires "
          "étrangères|le ministère de l’Information et des Communications|"
          "l’Union européenne|le Conseil de l’Europe|l’ONUDC|"
          "l’Organisation de coopération de Shanghai|l’APEC|le G20|la "
          "Banque mondiale|l’OSCE|l’Union africaine|la Francophonie|"
          "l’ANSSI|Europol|le Comité spécial",
      .agencies = "AFP|VNA|Belga|ATS|APS|MAP",
      .months =
          "janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
          "octobre|novembre|décembre",
      .stopwords =
          "le|la|les|l|un|une|des|de|du|d|et|ou|en|dans|sur|à|au|aux|pour|"
          "par|avec|que|qui|ce|cette|ces|son|sa|ses|leur|leurs|il|elle|ils|"
          "elles|est|sont|a|ont|été|être|ne|pas|plus|se|s|entre|lors|après",
      .headlines = {"{C} et {C} discutent de {T}",
                    "Le Vietnam et la Russie coopèrent sur {T}",
                    "{P} {F} {L} reçoit une délégation de {C} à {Y}",
                    "{O} adopte de nouvelles mesures sur {T}",
                    "Conférence sur {T} à {Y}",
                    "{C} appelle à une coopération {A} contre {T}",
                    "Déclaration conjointe sur {T}",
                    "{Y} accueille des consultations sur {T}"},
      .leads =
          {"{P} {F} {L} et {P} {F} {L} ont publié une Déclaration conjointe "
           "sur la coopération en matière de {T}, lors de leur rencontre "
           "bilatérale, le {d} {M} à {Y}.",
           "{C} et {C} ont {V} {N} dans le domaine de {T} lors d’une "
           "réunion tenue à {Y} le {d} {M}.",
           "{O} a organisé le {d} {M} {R} à {Y} une conférence {A} sur {T}, "
           "avec la participation de {D} délégations.",
           "{P} {F} {L} a {V} l’importance de {T} lors d’entretiens avec une "
           "délégation de {C} à {Y}."},
      .sentences =
          {"Les deux parties ont {V} {N} entre {C} et {C} dans le domaine "
           "de {T}.",
           "Ils ont estimé que {T} exige des actions {A} aux niveaux "
           "bilatéral, multilatéral, régional et mondial dans le cadre de "
           "{O}.",
           "{P} {L} a déclaré que {C} était prêt à partager {N} et {N} en "
           "matière de {T}.",
           "Selon {N}, la lutte contre {T} doit respecter le droit "
           "international et la souveraineté des États.",
           "Les participants ont {V} {N}, {T} et {T}.",
           "{L} a {V} que {C} considère toujours {T} comme une priorité "
           "{A}.",
           "La rencontre s’est tenue à {Y} dans le cadre de {N} de {O}.",
           "En {R}, {C} et {C} ont signé un mémorandum d’entente sur {T}.",
           "La délégation a également {V} {N} avec des responsables de {C} "
           "et de {C} pour discuter de {T}.",
           "Plus de {D} incidents ont été signalés l’an dernier, soit {D} % "
           "de plus qu’en {R}, selon le rapport.",
           "Les pays doivent s’entraider pour bâtir un système international "
           "de {T} et renforcer {N}.",
           "{O} a {V} {N} comme un modèle de coopération {A} en matière de "
           "{T}.",
           "{P} {F} {L} a {V} le rôle {A} de {O} dans la promotion de {T}.",
           "Les experts ont {V} que {N} et {N} restent les principales "
           "menaces pour {T}.",
           "La prochaine session de {O} est prévue en {M} {R} à {Y}.",
           "En marge de l’événement, {L} a aussi {V} {N} avec {N} de {C}.",
           "Les deux parties sont convenues de renforcer l’échange "
           "d’informations sur {T} et de tenir des consultations régulières "
           "sur la sécurité de l’information internationale.",
           "{C} est l’un des premiers pays à signer la Convention des Nations "
           "unies contre la cybercriminalité, a indiqué {L}.",
           "Le document porte aussi sur {T}, {N} et {N}."},
      .captions = {"{P} {F} {L} s’exprime lors de la conférence à {Y}",
                   "Les délégations de {C} et de {C} lors de la réunion sur "
                   "{T}"},
      .source_label = "Source : ",
      .photo_label = "Photo : ",
      .dictionary = "fr_FR",
      .dictionary_package = "hunspell-fr",
      .name_onsets = "b|br|c|ch|cl|d|f|fr|g|gr|gu|j|l|m|n|p|pr|qu|r|s|t|tr|v",
      .name_nuclei = "a|e|é|è|i|o|ou|au|eau|ai|oi|u|an|on|in|ie|eu",
      .name_codas = "l|n|r|s|t|x|rt|nd|ll|c",
      .surname_suffixes =
          "ier|eau|ard|ot|in|et|ault|ois|eux|ville|mont|court|ac|and|elle|"
          "ière|on|ès",
      .place_patterns =
          "Saint-{S}|{S}-sur-{S}|{S}ville|{S}court|{S}-les-Bains|La "
          "{S}ière|Le {S}|Mont-{S}|{S}ac|{S}-en-{S}",
      .organization_patterns =
          "l’Institut {S} de {W}|le groupe {S}|la Fondation {S}|le Centre "
          "{S} pour {W}|l’Agence nationale de {W}|la société {S}|{U}|"
          "l’université de {S}|la banque {S}|le cabinet {S} {W}",
      .acronym_letters = "ABCDEFGHIJLMNOPRSTUV",
      .thousands_separator = " ",
      .decimal_separator = ",",
      .percent_suffix = " %",
      .million = "millions",
      .billion = "milliards",
      .number_label = "n°",
      .news_headlines = {"{K} recense {Q} incidents à {H}",
                         "{G} nommé à la tête de {K}",
                         "{H} : {D} interpellations pour {W}",
                         "L’attaque contre {H} attribuée à {I}",
                         "{K} et {K} signent un accord sur {W}"},
      .news_sentences =
          {"{G}, {W} chez {K}, a déclaré que {Q} utilisateurs avaient été "
           "touchés à {H} depuis le {E}.",
           "Selon {K}, l’attaque contre {H} a utilisé {I} et causé des "
           "pertes de {Q} euros.",
           "{L} a indiqué aux journalistes que {X} des {W} de {H} étaient "
           "concernés.",
           "La police de {H} a interpellé {D} suspects, dont {G}, le {E}.",
           "Le {W} a été attribué à {I}, a précisé {K} dans un communiqué.",
           "{K} a recensé {Q} incidents en {R}, soit {X} de plus qu’un an "
           "plus tôt.",
           "Le {W} et le {W} de {H} restent préoccupants, a ajouté {L}.",
           "Les enquêteurs ont identifié {I} comme la source du {W}.",
           "{G}, de {K}, et {G}, de {K}, ont signé l’accord à {H} le {E}.",
           "L’amende de {Q} euros est la plus lourde infligée par {K} "
           "depuis {R}.",
           "Selon les autorités de {H}, {W}, {W} et {W} figuraient à "
           "l’ordre du jour.",
           "Le rapport, publié le {E}, recense {Q} cas de {W} et {D} "
           "réseaux.",
           "{G}, qui dirige {K} à {H}, a qualifié le {W} de {A}."},
  };
  return *kPack;
}

}  // namespace accord::bench::internal
