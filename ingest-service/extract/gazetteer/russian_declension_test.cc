#include "ingest-service/extract/gazetteer/russian_declension.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::extract {
namespace {

using testing::Contains;
using testing::IsEmpty;
using testing::Not;
using testing::UnorderedElementsAre;

TEST(RussianDeclensionTest, ARussianMansNameEveryWordInEachCase) {
  EXPECT_THAT(DeclineRussianName("Сергей Лавров"),
              UnorderedElementsAre("Сергея Лаврова", "Сергей Лаврова",
                                   "Сергею Лаврову", "Сергей Лаврову",
                                   "Сергеем Лавровым", "Сергей Лавровым",
                                   "Сергее Лаврове", "Сергей Лаврове"));
  const std::vector<std::string> igor = DeclineRussianName("Игорь Смирнов");
  EXPECT_THAT(igor, Contains("Игоря Смирнова"));
  EXPECT_THAT(igor, Contains("Игорем Смирновым"));
  const std::vector<std::string> patronymic =
      DeclineRussianName("Николай Платонович Патрушев");
  EXPECT_THAT(patronymic, Contains("Николаем Платоновичем Патрушевым"));
  EXPECT_THAT(patronymic, Contains("Николае Платоновиче Патрушеве"));
  EXPECT_THAT(DeclineRussianName("Дмитрий Медведев"),
              Contains("Дмитрии Медведеве"));
}

TEST(RussianDeclensionTest, AWomansNameAndAdjectivalSurnames) {
  const std::vector<std::string> maria = DeclineRussianName("Мария Захарова");
  EXPECT_THAT(maria, Contains("Марии Захаровой"));
  EXPECT_THAT(maria, Contains("Марию Захарову"));
  EXPECT_THAT(maria, Contains("Марией Захаровой"));
  EXPECT_THAT(DeclineRussianName("Анна Высоцкая"), Contains("Анну Высоцкую"));
  EXPECT_THAT(DeclineRussianName("Борис Вяземский"),
              Contains("Борисом Вяземским"));
  // -а after к and ш: "и", "ей".
  EXPECT_THAT(DeclineRussianName("Никита"), Contains("Никиты"));
  EXPECT_THAT(DeclineRussianName("Лука"), Contains("Луки"));
  EXPECT_THAT(DeclineRussianName("Паша"), Contains("Пашей"));
}

TEST(RussianDeclensionTest, ForeignNamesDeclineInTheirLastWordToo) {
  const std::vector<std::string> hung = DeclineRussianName("Нгуен Мань Хунг");
  EXPECT_THAT(hung, Contains("Нгуен Мань Хунга"));
  EXPECT_THAT(hung, Contains("Нгуен Мань Хунгом"));
  EXPECT_THAT(
      DeclineRussianName("То Лам"),
      UnorderedElementsAre("То Лама", "То Ламу", "То Ламом", "То Ламе"));
  // A surname in -ин: a Russian one's instrumental or a foreign one's.
  const std::vector<std::string> martin =
      DeclineRussianName("Дорин Богдан-Мартин");
  EXPECT_THAT(martin, Contains("Дорин Богдан-Мартином"));
  EXPECT_THAT(martin, Contains("Дорин Богдан-Мартиным"));
  // One word: a short form, the surname.
  EXPECT_THAT(
      DeclineRussianName("Путин"),
      UnorderedElementsAre("Путина", "Путину", "Путином", "Путиным", "Путине"));
  EXPECT_THAT(DeclineRussianName("Лавров"), Contains("Лавровым"));
}

TEST(RussianDeclensionTest, AWomansForeignNameDeclinesOnlyWhereItEndsInA) {
  EXPECT_EQ(RussianGenderOf("Камала Харрис"), RussianGender::kFeminine);
  EXPECT_EQ(RussianGenderOf("Нгуен Тхи Ань"), RussianGender::kFeminine);
  EXPECT_EQ(RussianGenderOf("Никита Михалков"), RussianGender::kUnknown);
  EXPECT_EQ(RussianGenderOf("Дорин Богдан-Мартин"), RussianGender::kUnknown);
  EXPECT_THAT(DeclineRussianName("Камала Харрис", RussianGender::kFeminine),
              UnorderedElementsAre("Камалы Харрис", "Камале Харрис",
                                   "Камалу Харрис", "Камалой Харрис"));
  EXPECT_THAT(DeclineRussianName("Ангела Меркель", RussianGender::kFeminine),
              Contains("Ангелы Меркель"));
  EXPECT_THAT(DeclineRussianName("Меркель", RussianGender::kFeminine),
              IsEmpty());
  EXPECT_THAT(DeclineRussianName("Мария Захарова", RussianGender::kFeminine),
              Contains("Марии Захаровой"));
}

TEST(RussianDeclensionTest, WhatDoesNotDecline) {
  EXPECT_THAT(DeclineRussianName("Крутских"), IsEmpty());
  EXPECT_THAT(DeclineRussianName("Алексей Толстой"),
              Contains("Алексея Толстого"));
  EXPECT_THAT(DeclineRussianName("Шойгу"), IsEmpty());
  EXPECT_THAT(DeclineRussianName("Ли"), IsEmpty());
  EXPECT_THAT(DeclineRussianName("Си Цзиньпин"),
              testing::Each(testing::StartsWith("Си ")));
  EXPECT_THAT(DeclineRussianName("Си Цзиньпин"), Contains("Си Цзиньпина"));
  EXPECT_THAT(DeclineRussianName("Vladimir Putin"), IsEmpty());
  EXPECT_THAT(DeclineRussianName("С.В. Лавров"), IsEmpty());
  EXPECT_THAT(DeclineRussianName(""), IsEmpty());
}

}  // namespace
}  // namespace accord::extract
