#include "ingest-service/normalize/data/domain_lexicon.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace accord::normalize {
namespace {

using WordSet = absl::flat_hash_set<std::string_view>;
using Table = absl::flat_hash_map<std::string_view, WordSet>;

const Table& DomainWords() {
  static const auto* const kWords = new Table{
      {"*", {"apec",       "asean",       "itu",        "interpol", "europol",
             "unodc",      "ransomware",  "malware",    "spyware",  "phishing",
             "botnet",     "botnets",     "blockchain", "deepfake", "deepfakes",
             "hacktivist", "hacktivists", "darknet",    "internet", "online",
             "offline",    "email",       "emails",     "website",  "websites",
             "cyber"}},
      {"en",
       {"cybersecurity", "cyberspace", "cybercrime", "cybercrimes",
        "cybercriminal", "cybercriminals", "cyberattack", "cyberattacks",
        "cyberthreat", "cyberthreats", "cyberwarfare", "cyberdefence",
        "cyberdefense", "cyberterrorism", "counterterrorism",
        "counterintelligence", "counterpart", "counterparts",
        "internationalisation", "internationalization", "interoperability",
        "multistakeholder", "multilateralism", "geopolitics", "geopolitical",
        "datacenter", "datacenters", "stakeholder", "stakeholders", "infosec",
        "cyberespionage", "disinformation", "misinformation",
        // Closed compounds of diplomatic reporting that en_US lacks.
        "roundtable", "roundtables", "videoconference", "teleconference",
        "webinar", "webinars", "policymaker", "policymakers", "policymaking",
        "peacekeeping", "peacekeepers", "nonproliferation", "ceasefire",
        "cyberbullying", "ecommerce", "fintech", "smartphone", "smartphones",
        "livestream", "startup", "startups", "hotline", "hotlines", "dataset",
        "datasets", "lawmaker", "lawmakers", "countermeasure",
        "countermeasures", "crossborder", "deepfake", "chatbot", "chatbots"}},
      {"fr",
       {"cybersécurité", "cyberespace", "cybercriminalité", "cybercriminel",
        "cybercriminels", "cyberattaque", "cyberattaques", "cybermenace",
        "cybermenaces", "cyberdéfense", "cyberterrorisme", "contreterrorisme",
        "désinformation", "multilatéralisme", "internationalisation"}},
      {"de",
       {"cybersicherheit", "cyberkriminalität", "cyberangriff", "cyberangriffe",
        "cyberraum", "cyberabwehr", "desinformation", "informationssicherheit",
        "multilateralismus"}},
      {"es",
       {"ciberseguridad", "ciberespacio", "ciberdelincuencia", "ciberdelito",
        "ciberdelitos", "ciberataque", "ciberataques", "ciberamenaza",
        "ciberamenazas", "ciberdefensa", "ciberterrorismo", "desinformación",
        "multilateralismo", "contraterrorismo"}},
      {"ru",
       {"кибербезопасность", "кибербезопасности", "киберпространство",
        "киберпространства", "киберпреступность", "киберпреступности",
        "киберпреступление", "киберпреступления", "кибератака", "кибератаки",
        "киберугроза", "киберугрозы", "дезинформация", "контртерроризм",
        "многосторонность"}},
  };
  return *kWords;
}

const Table& Prefixes() {
  static const auto* const kPrefixes = new Table{
      {"en", {"cyber", "counter", "anti",  "inter", "intra", "multi", "trans",
              "tele",  "micro",   "macro", "hyper", "super", "cross", "post",
              "geo",   "bio",     "non",   "self",  "over",  "under"}},
      {"fr",
       {"cyber", "contre", "anti", "inter", "multi", "trans", "télé", "micro",
        "macro", "hyper", "super", "post", "géo", "bio", "auto"}},
      {"de", {"cyber", "anti", "inter", "multi", "trans", "tele", "gegen"}},
      {"es",
       {"ciber", "contra", "anti", "inter", "multi", "trans", "tele", "micro",
        "macro", "hiper", "super", "post", "geo", "bio", "auto"}},
      {"ru", {"кибер", "контр", "анти", "меж", "мульти", "транс", "теле"}},
  };
  return *kPrefixes;
}

const WordSet& MixedCaseNames() {
  static const auto* const kNames = new WordSet{
      "YouTube",     "iPhone",     "iPad",        "iPod",        "iOS",
      "iCloud",      "iTunes",     "eBay",        "McDonald",    "McDonald's",
      "LinkedIn",    "PowerPoint", "JavaScript",  "PayPal",      "WhatsApp",
      "TikTok",      "GitHub",     "WeChat",      "OpenAI",      "DeepMind",
      "FaceTime",    "MasterCard", "BlackBerry",  "SoftBank",    "FireEye",
      "CrowdStrike", "SolarWinds", "MacBook",     "PlayStation", "SharePoint",
      "WannaCry",    "NotPetya",   "DarkSide",    "REvil",       "LockBit",
      "VinGroup",    "VinFast",    "VietnamPlus", "VnExpress",   "ZaloPay",
  };
  return *kNames;
}

bool InTable(const Table& table, std::string_view language,
             std::string_view word) {
  for (std::string_view key : {language, std::string_view("*")}) {
    auto it = table.find(key);
    if (it != table.end() && it->second.contains(word)) return true;
  }
  return false;
}

}  // namespace

bool IsDomainWord(std::string_view language, std::string_view lower_word) {
  return InTable(DomainWords(), language, lower_word);
}

bool IsCompoundPrefix(std::string_view language,
                      std::string_view lower_prefix) {
  return InTable(Prefixes(), language, lower_prefix);
}

bool IsMixedCaseName(std::string_view word) {
  return MixedCaseNames().contains(word);
}

}  // namespace accord::normalize
