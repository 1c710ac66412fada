// Spanish: EFE wires and VNA's Spanish service.
#include "bench/corpus/internal/language_pack.h"

namespace accord::bench::internal {

const LanguagePack& SpanishPack() {
  static const LanguagePack* const kPack = new LanguagePack{
      .code = "es",
      .weight_percent = 10,
      .nouns =
          "la cooperación|la seguridad|el gobierno|la reunión|los países|"
          "el acuerdo|la información|el desarrollo|el ministerio|la "
          "delegación|las conversaciones|la región|las relaciones|el marco|"
          "la asociación|las capacidades|las amenazas|los ataques|la "
          "infraestructura|las redes|los datos|la tecnología|los sistemas|"
          "la experiencia|la formación|las medidas|los esfuerzos|la "
          "política|el diálogo|el intercambio|el apoyo|la propuesta|la "
          "estrategia|la visita|los líderes|los funcionarios|los expertos|"
          "los representantes|la comunidad|la paz|la estabilidad|la "
          "confianza|la soberanía|el derecho|las normas|los principios|el "
          "mecanismo|el foro|la sesión|la conferencia|la cumbre|las "
          "consultas|las negociaciones|el proyecto|el texto|las "
          "disposiciones|la firma|la ratificación|la aplicación|el "
          "compromiso|la responsabilidad|el comportamiento|la "
          "investigación|las pruebas|la extradición|la asistencia|las "
          "autoridades|la policía|las agencias|el centro|los operadores|los "
          "proveedores|los usuarios|los ciudadanos|las empresas|los bancos|"
          "los hospitales|los servicios|las plataformas|el software|las "
          "vulnerabilidades|los incidentes|las filtraciones|el fraude|el "
          "espionaje|la desinformación|el terrorismo|los delitos|los "
          "delincuentes|los grupos|los actores|los Estados|las naciones|los "
          "miembros|los socios|los vecinos|las partes|la economía|el "
          "comercio|la inversión|el crecimiento|la innovación|la "
          "transformación|la conectividad|el internet|el ciberespacio|el "
          "entorno|la resiliencia|la defensa|la protección|la prevención|la "
          "respuesta|la detección|la vigilancia|la evaluación|el análisis|"
          "el informe|el estudio|las cifras|el presupuesto|la financiación|"
          "los recursos|los especialistas|los estudiantes|las "
          "universidades|los investigadores|los ingenieros|la regulación|la "
          "legislación|el decreto|la resolución|la declaración|el "
          "comunicado|el memorando|la hoja de ruta|el plan|el programa|la "
          "iniciativa|la campaña|el ejercicio|el taller|el seminario|la "
          "concienciación|las habilidades|los conocimientos|las prácticas|"
          "los desafíos|las oportunidades|los riesgos|las preocupaciones|"
          "las prioridades|los intereses|los objetivos|los resultados|los "
          "avances|los pasos|el año|los años|los meses|el futuro|la "
          "historia|el aniversario|la ocasión|la ceremonia|la entrevista|el "
          "discurso|la prensa|los medios|los periodistas|el periódico|la "
          "televisión|el sitio web|las cuentas|los mensajes|las "
          "contraseñas|la privacidad|el cifrado|los servidores|la nube|los "
          "cables|las telecomunicaciones|la energía|el transporte|las "
          "elecciones|el parlamento|la asamblea|el consejo|el comité|la "
          "comisión|la secretaría|la oficina|la institución|la "
          "organización|la provincia|la ciudad|la capital|la frontera|el "
          "territorio|el mundo|la sociedad|la juventud|las mujeres|los "
          "niños|las víctimas|los daños|las pérdidas|los costes|el dinero|"
          "las criptomonedas|los pagos|los mercados|las cadenas de "
          "suministro|los productos|los dispositivos|los teléfonos|los "
          "ordenadores|los algoritmos",
      .adjectives =
          "internacional|nacional|bilateral|multilateral|regional|global|"
          "digital|estratégica|integral|importante|nueva|común|conjunta|"
          "práctica|eficaz|abierta|segura|estable|pacífica|responsable|"
          "jurídica|vinculante|voluntaria|técnica|operativa|pública|"
          "privada|crítica|clave|mayor|significativa|concreta|estrecha|"
          "profunda|amplia|sostenible|mutua|amistosa|tradicional|"
          "fructífera|constructiva|franca|productiva|positiva|activa|"
          "urgente|seria|creciente|emergente|compleja|sofisticada|"
          "maliciosa|criminal|ilegal|transnacional|transfronteriza|"
          "extranjera|local|especial|adicional|específica|necesaria|"
          "esencial|fundamental|política|económica|social|militar|"
          "diplomática|judicial|legislativa|administrativa|financiera|"
          "industrial|científica|académica|profesional|innovadora|moderna|"
          "avanzada|artificial|inteligente|móvil|virtual|humana|civil|"
          "comercial|independiente|justa|inclusiva|transparente|universal|"
          "colectiva|histórica|primera|segunda|anual|próxima|reciente|"
          "actual|última|final",
      .verbs =
          "discutido|acordado|firmado|subrayado|destacado|señalado|"
          "acogido|expresado|afirmado|reafirmado|propuesto|sugerido|"
          "instado|prometido|apoyado|elogiado|valorado|examinado|evaluado|"
          "intercambiado|compartido|adoptado|aprobado|ratificado|lanzado|"
          "acogido|asistido|presidido|copresidido|dirigido|recibido|"
          "visitado|celebrado|organizado|concluido|completado|fortalecido|"
          "ampliado|promovido|impulsado|mejorado|desarrollado|establecido|"
          "construido|creado|garantizado|protegido|salvaguardado|prevenido|"
          "combatido|abordado|investigado|detectado|identificado|"
          "informado|advertido|condenado|rechazado|negado|confirmado|"
          "anunciado|revelado|presentado|explicado|coordinado|facilitado|"
          "aplicado|negociado|redactado|invitado|agradecido|felicitado",
      .topics =
          "la seguridad de la información|la ciberseguridad|la "
          "ciberdelincuencia|la seguridad internacional de la información|"
          "la Convención de las Naciones Unidas contra la "
          "Ciberdelincuencia|la Convención de Hanói|las normas de "
          "comportamiento responsable de los Estados en el ciberespacio|las "
          "infraestructuras críticas de información|la protección de datos "
          "personales|la lucha contra la ciberdelincuencia|la "
          "transformación digital|los delitos de alta tecnología|el uso de "
          "las tecnologías de la información y las comunicaciones|las "
          "medidas de fomento de la confianza|el fomento de la capacidad|el "
          "Grupo de Trabajo de Composición Abierta|los ciberincidentes|el "
          "fraude en línea|los ataques de ransomware|las pruebas "
          "electrónicas|la asistencia judicial recíproca|la seguridad de "
          "las redes|la inteligencia artificial|la economía digital|las "
          "ciberamenazas|el intercambio de información|la cooperación "
          "policial|un ciberespacio seguro|el tratado internacional|la "
          "convención|el blanqueo de capitales|el ciberterrorismo|el "
          "derecho internacional",
      .titles =
          "el presidente|el primer ministro|el viceprimer ministro|el "
          "ministro de Asuntos Exteriores|el viceministro de Seguridad "
          "Pública|el ministro de Información y Comunicaciones|el "
          "embajador|el secretario general|el director general|el "
          "representante especial|el general|el jefe de la delegación|el "
          "representante permanente|el viceministro|la ministra|el canciller",
      .first_names =
          "Nguyen|Tran|Le|Pham|Vladímir|Serguéi|Dmitri|Artur|Pedro|Carlos|"
          "José|Antonio|Manuel|Francisco|Javier|Luis|María|Carmen|Ana|"
          "Isabel|Laura|Lucía|Marta|Elena|Miguel|Alejandro|Fernando|Rosa",
      .last_names =
          "Putin|Lavrov|Quang|Trung|Hung|Nam|Liukmanov|Guterres|Sánchez|"
          "García|Rodríguez|González|Fernández|López|Martínez|Pérez|Gómez|"
          "Martín|Jiménez|Ruiz|Hernández|Díaz|Moreno|Álvarez|Muñoz|Romero|"
          "Navarro|Torres|Domínguez|Vázquez|Ramos|Gil|Castro|Ortega",
      .countries =
          "Vietnam|Rusia|China|Estados Unidos|Francia|Alemania|Japón|India|"
          "Australia|Corea del Sur|Singapur|Indonesia|Malasia|Tailandia|"
          "Filipinas|Laos|Camboya|Myanmar|el Reino Unido|Italia|España|"
          "Canadá|Brasil|México|Argentina|Chile|Colombia|Perú|Venezuela|"
          "Cuba|Uruguay|Paraguay|Bolivia|Ecuador|Panamá|Sudáfrica|Egipto|"
          "Turquía|Irán|Kazajistán|Bielorrusia|Ucrania|Polonia",
      .cities =
          "Hanói|Ciudad Ho Chi Minh|Da Nang|Moscú|Pekín|Washington|París|"
          "Berlín|Tokio|Nueva Delhi|Seúl|Singapur|Yakarta|Kuala Lumpur|"
          "Bangkok|Manila|Vientián|Phnom Penh|Londres|Roma|Madrid|Ginebra|"
          "Viena|Nueva York|Bruselas|La Haya|Barcelona|Sevilla|Buenos "
          "Aires|Santiago|Bogotá|Lima|Caracas|La Habana|Ciudad de México|"
          "Montevideo|Quito",
      .organizations =
          "las Naciones Unidas|la ASEAN|la Asamblea General de las Naciones "
          "Unidas|Interpol|la Unión Internacional de Telecomunicaciones|el "
          "Ministerio de Seguridad Pública|el Ministerio de Asuntos "
          "Exteriores|el Ministerio de Información y Comunicaciones|la Unión "
          "Europea|el Consejo de Europa|la UNODC|la Organización de "
          "Cooperación de Shanghái|el APEC|el G20|el Banco Mundial|la OSCE|"
          "la OEA|la CELAC|Europol|el Comité Especial",
      .agencies = "EFE|VNA|Prensa Latina|Europa Press|Notimex",
      .months =
          "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
          "octubre|noviembre|diciembre",
      .stopwords =
          "el|la|los|las|un|una|unos|unas|de|del|y|o|en|a|al|por|para|con|"
          "sin|que|se|su|sus|lo|es|son|fue|ha|han|sido|ser|no|más|como|"
          "entre|sobre|tras|este|esta|estos|estas",
      .headlines = {"{C} y {C} debaten sobre {T}",
                    "{C} y {C} refuerzan la cooperación en {T}",
                    "{P} {F} {L} recibe a una delegación de {C}",
                    "Conferencia sobre {T} en {Y}",
                    "{C} pide una cooperación {A} contra {T}",
                    "{Y} acoge consultas sobre {T}"},
      .leads =
          {"{P} {F} {L} y {P} {F} {L} han publicado una declaración conjunta "
           "sobre la cooperación en {T} tras su reunión del {d} de {M} en "
           "{Y}.",
           "{C} y {C} han {V} {N} en el ámbito de {T} durante una reunión "
           "celebrada en {Y} el {d} de {M} de {R}.",
           "{O} ha organizado en {Y} una conferencia {A} sobre {T}, con la "
           "participación de {D} delegaciones.",
           "{P} {F} {L} ha {V} la importancia de {T} durante sus "
           "conversaciones con una delegación de {C} en {Y}."},
      .sentences =
          {"Ambas partes han {V} {N} entre {C} y {C} en materia de {T}.",
           "Consideraron que {T} exige acciones a nivel bilateral, "
           "multilateral, regional y mundial en el marco de {O}.",
           "{P} {L} afirmó que {C} está dispuesto a compartir {N} y {N} en "
           "materia de {T}.",
           "Según {N}, la lucha contra {T} debe respetar el derecho "
           "internacional y la soberanía de los Estados.",
           "Los participantes han {V} {N}, {T} y {T}.",
           "{L} ha {V} que {C} siempre considera {T} una prioridad {A}.",
           "La reunión se celebró en {Y} en el marco de {N} de {O}.",
           "En {R}, {C} y {C} firmaron un memorando de entendimiento sobre "
           "{T}.",
           "La delegación también ha {V} {N} con funcionarios de {C} y {C} "
           "para tratar {T}.",
           "El año pasado se registraron más de {D} incidentes, un {D} % más "
           "que en {R}, según el informe.",
           "Los países deben apoyarse mutuamente para construir un sistema "
           "internacional de {T} y mejorar {N}.",
           "{O} ha {V} {N} como modelo de cooperación {A} en {T}.",
           "Los expertos han {V} que {N} y {N} siguen siendo las principales "
           "amenazas para {T}.",
           "La próxima sesión de {O} está prevista para {M} de {R} en {Y}.",
           "Ambas partes acordaron intensificar el intercambio de "
           "información sobre {T} y celebrar consultas periódicas sobre la "
           "seguridad de la información.",
           "El documento abarca también {T}, {N} y {N}."},
      .captions = {"{P} {F} {L} interviene en la conferencia en {Y}",
                   "Las delegaciones de {C} y {C} en la reunión sobre {T}"},
      .source_label = "Fuente: ",
      .photo_label = "Foto: ",
      .dictionary = "es_ES",
      .dictionary_package = "hunspell-es",
      .name_onsets = "b|br|c|ch|d|f|g|gu|j|l|ll|m|n|ñ|p|pl|qu|r|s|t|tr|v|z",
      .name_nuclei = "a|e|i|o|u|á|é|í|ó|ú|ia|ie|ue|io",
      .name_codas = "n|r|l|s|z|d",
      .surname_suffixes =
          "ez|ado|illa|era|ano|ón|ero|eda|osa|uelo|ina|ales|ada|ejo",
      .place_patterns =
          "San {S}|{S}illa|Villa{s}|Puerto {S}|{S} del Río|Santa {S}|"
          "{S}ejo|Valle de {S}|{S}al|La {S}",
      .organization_patterns =
          "el Instituto {S} de {W}|la Fundación {S}|el Grupo {S}|la Agencia "
          "de {W}|{U}|la Universidad de {S}|el Banco {S}|la empresa {S}|"
          "el Centro {S} de {W}",
      .acronym_letters = "ABCDEFGHIJLMNOPRSTUV",
      .thousands_separator = ".",
      .decimal_separator = ",",
      .percent_suffix = " %",
      .million = "millones",
      .billion = "mil millones",
      .number_label = "n.º",
      .news_headlines = {"{K} registra {Q} incidentes en {H}",
                         "{G}, nuevo director de {K}",
                         "La policía de {H} detiene a {D} personas por {W}",
                         "El ataque contra {H} apunta a {I}",
                         "{K} y {K} firman un acuerdo sobre {W}"},
      .news_sentences =
          {"{G}, {W} de {K}, dijo que {Q} usuarios de {H} se vieron "
           "afectados desde el {E}.",
           "Según {K}, el ataque contra {H} usó {I} y causó pérdidas de {Q} "
           "euros.",
           "{L} dijo a los periodistas que el {X} de los {W} de {H} estaban "
           "afectados.",
           "La policía de {H} detuvo el {E} a {D} sospechosos, entre ellos "
           "{G}.",
           "El {W} se atribuyó a {I}, informó {K} en un comunicado.",
           "{K} registró {Q} incidentes en {R}, un {X} más que el año "
           "anterior.",
           "El {W} y el {W} de {H} siguen siendo un problema, dijo {L}.",
           "Los investigadores identificaron {I} como el origen del {W}.",
           "{G}, de {K}, y {G}, de {K}, firmaron el acuerdo en {H} el {E}.",
           "La multa de {Q} euros es la mayor impuesta por {K} desde {R}.",
           "En {H} se trataron {W}, {W} y {W}, según las autoridades.",
           "El informe, publicado el {E}, recoge {Q} casos de {W} y {D} "
           "redes.",
           "{G}, que dirige {K} en {H}, calificó el {W} de {A}."},
  };
  return *kPack;
}

}  // namespace accord::bench::internal
