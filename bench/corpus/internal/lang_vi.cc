// Vietnamese: VNA (TTXVN) and national newspapers; syllables separated by
// spaces, no inflection, no Snowball stemmer.
#include "bench/corpus/internal/language_pack.h"

namespace accord::bench::internal {

const LanguagePack& VietnamesePack() {
  static const LanguagePack* const kPack = new LanguagePack{
      .code = "vi",
      .weight_percent = 10,
      .nouns =
          "hợp tác|an ninh|chính phủ|cuộc họp|các nước|hiệp định|thông tin|"
          "phát triển|bộ|đoàn đại biểu|hội đàm|khu vực|quan hệ|khuôn khổ|"
          "đối tác|năng lực|mối đe dọa|tấn công|cơ sở hạ tầng|mạng lưới|"
          "dữ liệu|công nghệ|hệ thống|kinh nghiệm|đào tạo|biện pháp|nỗ lực|"
          "chính sách|đối thoại|trao đổi|hỗ trợ|đề xuất|chiến lược|chuyến "
          "thăm|lãnh đạo|quan chức|chuyên gia|đại diện|cộng đồng|hòa bình|"
          "ổn định|lòng tin|chủ quyền|luật pháp|quy tắc|nguyên tắc|cơ chế|"
          "diễn đàn|phiên họp|hội nghị|hội nghị thượng đỉnh|tham vấn|đàm "
          "phán|dự thảo|văn bản|điều khoản|lễ ký|phê chuẩn|thực hiện|cam "
          "kết|trách nhiệm|hành vi|điều tra|chứng cứ|truy tố|dẫn độ|tương "
          "trợ|cơ quan chức năng|công an|trung tâm|nhà mạng|nhà cung cấp|"
          "người dùng|công dân|doanh nghiệp|ngân hàng|bệnh viện|dịch vụ|nền "
          "tảng|phần mềm|lỗ hổng|sự cố|rò rỉ|mã độc|lừa đảo|gián điệp|tin "
          "giả|khủng bố|tội phạm|nhóm|quốc gia|thành viên|láng giềng|bên|"
          "kinh tế|thương mại|đầu tư|tăng trưởng|đổi mới sáng tạo|chuyển "
          "đổi|kết nối|internet|không gian mạng|môi trường|khả năng phục "
          "hồi|quốc phòng|bảo vệ|phòng ngừa|ứng phó|phát hiện|giám sát|đánh "
          "giá|phân tích|báo cáo|nghiên cứu|số liệu|ngân sách|nguồn lực|"
          "nhân lực|sinh viên|trường đại học|kỹ sư|tiêu chuẩn|quy định|pháp "
          "luật|nghị định|nghị quyết|tuyên bố|bản ghi nhớ|lộ trình|kế "
          "hoạch|chương trình|dự án|sáng kiến|chiến dịch|diễn tập|hội thảo|"
          "nhận thức|kỹ năng|kiến thức|thách thức|cơ hội|rủi ro|ưu tiên|"
          "lợi ích|mục tiêu|kết quả|tiến bộ|năm|tháng|tương lai|lịch sử|kỷ "
          "niệm|buổi lễ|phỏng vấn|bài phát biểu|báo chí|nhà báo|truyền "
          "hình|trang web|tài khoản|tin nhắn|mật khẩu|quyền riêng tư|mã "
          "hóa|máy chủ|điện toán đám mây|cáp quang|viễn thông|năng lượng|"
          "giao thông|bầu cử|quốc hội|hội đồng|ủy ban|ban thư ký|văn phòng|"
          "tổ chức|tỉnh|thành phố|thủ đô|biên giới|lãnh thổ|thế giới|xã "
          "hội|thanh niên|phụ nữ|trẻ em|nạn nhân|thiệt hại|chi phí|tiền|"
          "tiền mã hóa|thanh toán|thị trường|chuỗi cung ứng|sản phẩm|thiết "
          "bị|điện thoại|máy tính|thuật toán",
      .adjectives =
          "quốc tế|quốc gia|song phương|đa phương|khu vực|toàn cầu|số|"
          "chiến lược|toàn diện|quan trọng|mới|chung|thiết thực|hiệu quả|"
          "cởi mở|an toàn|ổn định|hòa bình|có trách nhiệm|pháp lý|ràng buộc|"
          "tự nguyện|kỹ thuật|công|tư nhân|trọng yếu|then chốt|lớn|đáng kể|"
          "cụ thể|chặt chẽ|sâu rộng|lâu dài|bền vững|hữu nghị|truyền thống|"
          "tốt đẹp|xây dựng|tích cực|chủ động|cấp bách|nghiêm trọng|ngày "
          "càng tăng|phức tạp|tinh vi|độc hại|bất hợp pháp|xuyên quốc gia|"
          "nước ngoài|địa phương|cấp cao|thường trực|đặc biệt|cần thiết|cơ "
          "bản|chính trị|kinh tế|xã hội|quân sự|ngoại giao|tư pháp|tài "
          "chính|công nghiệp|khoa học|chuyên nghiệp|hiện đại|tiên tiến|nhân "
          "tạo|thông minh|trực tuyến|dân sự|thương mại|độc lập|bình đẳng|"
          "công bằng|minh bạch|tập thể|lịch sử|thường niên|tiếp theo|gần "
          "đây|hiện nay|cuối cùng",
      .verbs =
          "thảo luận|nhất trí|ký kết|nhấn mạnh|lưu ý|hoan nghênh|bày tỏ|"
          "khẳng định|tái khẳng định|đề xuất|kêu gọi|cam kết|ủng hộ|đánh "
          "giá cao|xem xét|trao đổi|chia sẻ|thông qua|phê duyệt|phê chuẩn|"
          "khởi động|chủ trì|tham dự|dẫn đầu|tiếp|gặp|thăm|tổ chức|kết thúc|"
          "tăng cường|mở rộng|thúc đẩy|cải thiện|phát triển|thành lập|xây "
          "dựng|bảo đảm|bảo vệ|ngăn chặn|đấu tranh|giải quyết|điều tra|"
          "phát hiện|báo cáo|cảnh báo|lên án|bác bỏ|xác nhận|công bố|giới "
          "thiệu|giải thích|điều phối|triển khai|đàm phán|soạn thảo|mời|"
          "cảm ơn|chúc mừng",
      .topics =
          "an ninh thông tin|an ninh mạng|tội phạm mạng|an ninh thông tin "
          "quốc tế|Công ước của Liên hợp quốc về chống tội phạm mạng|Công "
          "ước Hà Nội|các chuẩn mực hành xử có trách nhiệm của quốc gia "
          "trên không gian mạng|cơ sở hạ tầng thông tin trọng yếu|bảo vệ "
          "dữ liệu cá nhân|phòng chống tội phạm mạng|chuyển đổi số|tội "
          "phạm công nghệ cao|sử dụng công nghệ thông tin và truyền thông|"
          "các biện pháp xây dựng lòng tin|nâng cao năng lực|Nhóm công tác "
          "mở|sự cố an ninh mạng|lừa đảo trực tuyến|tấn công mã độc tống "
          "tiền|chứng cứ điện tử|tương trợ tư pháp|an toàn mạng|bảo mật dữ "
          "liệu|trí tuệ nhân tạo|kinh tế số|các mối đe dọa trên không gian "
          "mạng|trao đổi thông tin|hợp tác thực thi pháp luật|không gian "
          "mạng an toàn|điều ước quốc tế|công ước|rửa tiền|khủng bố mạng|"
          "chủ quyền quốc gia trên không gian mạng|luật pháp quốc tế",
      .titles =
          "Chủ tịch nước|Thủ tướng|Phó Thủ tướng|Bộ trưởng Ngoại giao|Thứ "
          "trưởng Bộ Công an|Bộ trưởng Bộ Thông tin và Truyền thông|Đại sứ|"
          "Tổng Thư ký|Tổng Giám đốc|Đặc phái viên|Thượng tướng|Trung tướng|"
          "Chủ tịch|Trưởng đoàn|Đại diện thường trực|Thứ trưởng|Bộ trưởng|"
          "Cục trưởng|Giám đốc",
      .first_names =
          "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|"
          "Dương|Lý|Vladimir|Sergey|Artur|Antonio",
      .last_names =
          "Đại Quang|Hoài Trung|Thanh Hưng|Văn Nam|Xuân Phúc|Minh Chính|"
          "Văn Thưởng|Tô Lâm|Bùi Thanh Sơn|Mạnh Hùng|Quốc Dũng|Thị Hà|"
          "Thu Hằng|Văn Thành|Đức Long|Hải Nam|Quang Huy|Anh Tuấn|Minh "
          "Tuấn|Văn Hải|Putin|Lavrov|Liukmanov|Guterres",
      .countries =
          "Việt Nam|Nga|Trung Quốc|Mỹ|Pháp|Đức|Nhật Bản|Ấn Độ|Australia|"
          "Hàn Quốc|Singapore|Indonesia|Malaysia|Thái Lan|Philippines|Lào|"
          "Campuchia|Myanmar|Brunei|Anh|Italy|Tây Ban Nha|Canada|Brazil|"
          "Mexico|Nam Phi|Ai Cập|Thổ Nhĩ Kỳ|Iran|Kazakhstan|Belarus|"
          "Ukraine|Ba Lan|Hà Lan|Bỉ|Thụy Sĩ|Thụy Điển|Cuba|New Zealand",
      .cities =
          "Hà Nội|Thành phố Hồ Chí Minh|Đà Nẵng|Moskva|Bắc Kinh|"
          "Washington|Paris|Berlin|Tokyo|New Delhi|Seoul|Singapore|Jakarta|"
          "Kuala Lumpur|Bangkok|Manila|Viêng Chăn|Phnom Penh|London|Rome|"
          "Madrid|Geneva|Vienna|New York|Brussels|Huế|Cần Thơ|Hải Phòng|"
          "Nha Trang|Quảng Ninh|Nghệ An|Thanh Hóa|Bình Dương|Đồng Nai",
      .organizations =
          "Liên hợp quốc|ASEAN|Đại hội đồng Liên hợp quốc|Interpol|Liên "
          "minh Viễn thông Quốc tế|Bộ Công an|Bộ Ngoại giao|Bộ Thông tin và "
          "Truyền thông|Hội đồng Bảo an Liên bang Nga|Liên minh châu Âu|Hội "
          "đồng châu Âu|UNODC|Tổ chức Hợp tác Thượng Hải|APEC|G20|Ngân hàng "
          "Thế giới|Ủy ban Đặc biệt|Cục An ninh mạng",
      .agencies = "TTXVN|VNA|VOV|VTV|Nhân Dân",
      .months =
          "tháng Một|tháng Hai|tháng Ba|tháng Tư|tháng Năm|tháng Sáu|"
          "tháng Bảy|tháng Tám|tháng Chín|tháng Mười|tháng Mười Một|"
          "tháng Mười Hai",
      .stopwords =
          "và|của|các|những|là|có|được|với|trong|cho|tại|về|đã|sẽ|này|đó|"
          "một|để|từ|theo|như|khi|người|cũng|nhằm|giữa|hai|trên|ngày",
      .headlines = {"{C} và {C} thảo luận về {T}",
                    "{C} và {C} tăng cường hợp tác về {T}",
                    "{P} {F} {L} tiếp đoàn đại biểu {C}",
                    "Hội thảo về {T} tại {Y}", "{C} kêu gọi hợp tác {A} về {T}",
                    "Công ước Hà Nội: {T}"},
      .leads =
          {"{P} {F} {L} và {P} {F} {L} đã ra Tuyên bố chung về hợp tác "
           "trong lĩnh vực {T} sau cuộc gặp ngày {d} {M} tại {Y}.",
           "{C} và {C} đã {V} {N} trong lĩnh vực {T} tại cuộc họp ở {Y} "
           "ngày {d} {M} năm {R}.",
           "{O} đã tổ chức hội nghị {A} về {T} tại {Y}, với sự tham dự của "
           "{D} đoàn đại biểu.",
           "{P} {F} {L} đã {V} tầm quan trọng của {T} trong cuộc hội đàm "
           "với đoàn đại biểu {C} tại {Y}."},
      .sentences =
          {"Hai bên đã {V} {N} giữa {C} và {C} trong lĩnh vực {T}.",
           "Hai bên cho rằng bảo đảm {T} cần có hành động chung ở cấp độ "
           "song phương, đa phương, khu vực và toàn cầu trong khuôn khổ "
           "{O}.",
           "{P} {L} cho biết {C} sẵn sàng chia sẻ {N} và {N} về {T}.",
           "Theo {N}, cuộc đấu tranh chống {T} phải tôn trọng luật pháp "
           "quốc tế và chủ quyền của các quốc gia.",
           "Các đại biểu đã {V} {N}, {T} và {T}.",
           "{L} {V} rằng {C} luôn coi {T} là ưu tiên {A}.",
           "Cuộc gặp diễn ra tại {Y} trong khuôn khổ {N} của {O}.",
           "Năm {R}, {C} và {C} đã ký bản ghi nhớ về {T}.",
           "Đoàn cũng đã {V} {N} với đại diện {C} và {C} để bàn về {T}.",
           "Năm ngoái có hơn {D} sự cố được báo cáo, tăng {D}% so với năm "
           "{R}, theo báo cáo.",
           "Các nước cần hỗ trợ lẫn nhau xây dựng hệ thống an ninh thông "
           "tin quốc tế và nâng cao {N}.",
           "{O} đã {V} {N} như một hình mẫu hợp tác {A} về {T}.",
           "Các chuyên gia {V} rằng {N} và {N} vẫn là mối đe dọa chính đối "
           "với {T}.",
           "Phiên họp tiếp theo của {O} dự kiến diễn ra vào {M} năm {R} tại "
           "{Y}.",
           "Hai bên nhất trí tăng cường trao đổi thông tin về {T} và tổ chức "
           "tham vấn định kỳ về an ninh thông tin quốc tế.",
           "{C} là một trong những nước đầu tiên ký Công ước của Liên hợp "
           "quốc về chống tội phạm mạng, {L} cho biết.",
           "Văn kiện cũng đề cập đến {T}, {N} và {N}."},
      .captions = {"{P} {F} {L} phát biểu tại hội nghị ở {Y}",
                   "Đoàn đại biểu {C} và {C} tại cuộc họp về {T}"},
      .source_label = "Nguồn: ",
      .photo_label = "Ảnh: ",
      .dictionary = "vi_VN",
      .dictionary_package = "hunspell-vi",
      .name_onsets = "b|c|ch|d|đ|g|gi|h|kh|l|m|n|ng|nh|ph|qu|s|t|th|tr|v|x",
      .name_nuclei =
          "a|á|à|ả|ã|ạ|ă|ắ|â|ấ|e|é|ê|ế|ề|i|í|o|ó|ô|ố|ơ|ớ|u|ú|ư|ứ|y|oa|uy|"
          "ươ|iê",
      .name_codas = "c|ch|m|n|ng|nh|p|t|i|o|u",
      .surname_suffixes = "",
      .place_patterns =
          "xã {S} {S}|huyện {S} {S}|phường {S} {S}|thị trấn {S} {S}|làng "
          "{S}|{S} {S}",
      .organization_patterns =
          "Công ty {S} {S}|Viện {W}|Tập đoàn {S}|Trung tâm {W} {S}|{U}|"
          "Ngân hàng {S}|Trường Đại học {S}|Hội {W}",
      .acronym_letters = "ABCDEGHIKLMNOPQSTUVX",
      .thousands_separator = ".",
      .decimal_separator = ",",
      .percent_suffix = "%",
      .million = "triệu",
      .billion = "tỷ",
      .number_label = "số",
      .news_headlines = {"{K} ghi nhận {Q} sự cố tại {H}",
                         "{G} được bổ nhiệm làm lãnh đạo {K}",
                         "Công an {H} bắt giữ {D} đối tượng",
                         "Vụ tấn công vào {H} xuất phát từ {I}",
                         "{K} và {K} ký thỏa thuận về {W}"},
      .news_sentences =
          {"{G}, {W} tại {K}, cho biết {Q} người dùng ở {H} bị ảnh hưởng "
           "kể từ {E}.",
           "Theo {K}, vụ tấn công vào {H} đã sử dụng {I} và gây thiệt hại "
           "{Q} đồng.",
           "{L} cho biết {X} {W} tại {H} bị ảnh hưởng.",
           "Công an {H} đã bắt giữ {D} đối tượng, trong đó có {G}, vào {E}.",
           "{K} cho biết {W} được xác định xuất phát từ {I}.",
           "{K} ghi nhận {Q} sự cố trong năm {R}, tăng {X} so với năm "
           "trước.",
           "{W} và {W} tại {H} vẫn là vấn đề đáng lo ngại, {L} nói.",
           "Các điều tra viên xác định {I} là nguồn gốc của {W}.",
           "{G} của {K} và {G} của {K} đã ký thỏa thuận tại {H} vào {E}.",
           "Khoản phạt {Q} đồng là mức cao nhất mà {K} áp dụng kể từ năm "
           "{R}.",
           "Theo chính quyền {H}, {W}, {W} và {W} nằm trong chương trình "
           "nghị sự.",
           "Báo cáo công bố {E} ghi nhận {Q} vụ {W} và {D} mạng lưới.",
           "{G}, người đứng đầu {K} tại {H}, đánh giá {W} là {A}."},
  };
  return *kPack;
}

}  // namespace accord::bench::internal
