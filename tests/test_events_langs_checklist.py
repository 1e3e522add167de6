"""A check list of the event rules of French, Spanish, Russian, Ukrainian and Arabic: for
every ACLED type and sub-type a cue, tolls in all grammatical forms (numerals in words and
digits, "at least", vague counts, "no casualties"), dates (weekdays, nights across two
days, yesterday and the day before, month names in the genitive, Arabic-Indic digits,
Levantine and Maghreb month names) and the actors of the main conflicts in each language.

The sentences are written for these tests from general knowledge of how the press of each
language writes; none comes from an evaluation article, and they name no place. Dates are
resolved against Wednesday 12 March 2025.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.actors import find_actors
from geo.events.dates import find_dates
from geo.events.engine import _rule_for, cue_matches
from geo.events.rules import Rules, get_rules
from geo.events.tolls import casualty_free, count_casualties
from geo.lang.ar.morph import strip_marks

REFERENCE = dt.date(2025, 3, 12)  # a Wednesday
MIL, POL = "Military Forces of ", "Police Forces of "
AC, GOV, NSA = "Armed clash", "Government regains territory", "Non-state actor overtakes territory"
SH, AIR = "Shelling/artillery/missile attack", "Air/drone strike"
IED, SUI, GR = "Remote explosive/landmine/IED", "Suicide bomb", "Grenade"
ATT, ABD = "Attack", "Abduction/forced disappearance"
PP, PR = "Peaceful protest", "Protests"  # PR: a protest, whatever the police did
VD, MOB, LOOT = "Violent demonstration", "Mob violence", "Looting/property destruction"
ARR = "Arrests"
_PROTESTS = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")


def _rules(lang: str) -> Rules:
    return get_rules((lang,))


def _text(lang: str, sentence: str) -> str:
    return strip_marks(sentence)[0] if lang == "ar" else sentence


CUES = [
    ("fr", "De violents combats ont opposé l'armée aux rebelles près de la ville.", AC),
    ("fr", "Des affrontements ont éclaté entre soldats et jihadistes dans la forêt.", AC),
    ("fr", "Des accrochages entre militaires et hommes armés se sont produits lundi.", AC),
    ("fr", "Des hommes armés ont tué cinq villageois.", ATT),
    ("fr", "Une embuscade a visé un convoi militaire sur la route nationale.", AC),
    ("fr", "Les forces armées ont repris le contrôle de la localité.", GOV),
    ("fr", "Les rebelles se sont emparés de la ville après deux jours de combats.", NSA),
    ("fr", "Des tirs d'artillerie ont visé un quartier résidentiel.", SH),
    ("fr", "Un missile balistique s'est abattu sur un immeuble.", SH),
    ("fr", "Des obus de mortier sont tombés sur le marché.", SH),
    ("fr", "Le village a été pilonné par l'artillerie.", SH),
    ("fr", "Des roquettes ont été tirées sur la ville.", SH),
    ("fr", "Une frappe de drone a touché un véhicule.", AIR),
    ("fr", "L'aviation a bombardé des positions rebelles.", AIR),
    ("fr", "Un raid aérien a visé une maison.", AIR),
    ("fr", "Un engin explosif improvisé a explosé au passage d'un convoi.", IED),
    ("fr", "Un véhicule a sauté sur une mine.", IED),
    ("fr", "Une voiture piégée a explosé devant le commissariat.", IED),
    ("fr", "Un kamikaze s'est fait exploser dans une mosquée.", SUI),
    ("fr", "Un attentat-suicide a frappé le marché.", SUI),
    ("fr", "Des hommes armés ont tué cinq villageois.", ATT),
    ("fr", "Des civils ont été massacrés par des assaillants.", ATT),
    ("fr", "Des hommes armés ont enlevé une dizaine de passagers.", ABD),
    ("fr", "Un humanitaire a été kidnappé dans la nuit.", ABD),
    ("fr", "Des milliers de personnes ont manifesté contre la vie chère.", PP),
    ("fr", "Des centaines de personnes ont participé à un rassemblement devant la préfecture.", PP),
    ("fr", "La police a dispersé les manifestants à coups de gaz lacrymogène.", PR),
    ("fr", "Des manifestants ont saccagé et incendié la mairie.", VD),
    ("fr", "Des magasins ont été pillés pendant la nuit.", LOOT),
    ("fr", "Une foule en colère a lynché un voleur présumé.", MOB),
    ("fr", "La police a arrêté une vingtaine d'opposants.", ARR),
    ("fr", "Des grenades ont été lancées contre la patrouille.", GR),
    ("fr", "Des jihadistes présumés ont attaqué un poste de gendarmerie.", AC),
    ("fr", "Un drone a frappé une voiture sur la route.", AIR),
    ("fr", "Un obus est tombé sur une école.", SH),
    ("fr", "Une mine artisanale a explosé au passage d'une charrette.", IED),
    ("fr", "Des hommes armés non identifiés ont ouvert le feu sur des fidèles.", ATT),
    ("fr", "Une marche pacifique a réuni des centaines d'étudiants.", PP),
    ("fr", "Des enseignants en grève ont défilé dans les rues.", PP),
    ("fr", "Des inconnus ont incendié une église.", LOOT),
    ("fr", "Deux journalistes ont été pris en otage par des hommes armés.", ABD),
    ("es", "Intensos combates entre el ejército y la guerrilla se registraron en la zona.", AC),
    ("es", "Enfrentamientos entre disidentes y el ELN se registraron en la zona rural.", AC),
    ("es", "Una emboscada contra una patrulla militar se produjo en la vía.", AC),
    ("es", "Un bombardeo de artillería alcanzó un edificio residencial.", SH),
    ("es", "Un misil impactó contra una escuela.", SH),
    ("es", "Proyectiles de mortero cayeron sobre el mercado.", SH),
    ("es", "Un ataque con drones alcanzó un vehículo.", AIR),
    ("es", "La aviación bombardeó posiciones rebeldes.", AIR),
    ("es", "Un ataque aéreo destruyó una vivienda.", AIR),
    ("es", "Un artefacto explosivo improvisado estalló al paso de una patrulla.", IED),
    ("es", "Un coche bomba explotó frente a una comisaría.", IED),
    ("es", "Una mina antipersonal hirió a dos soldados.", IED),
    ("es", "Un terrorista suicida se inmoló en una mezquita.", SUI),
    ("es", "Un atentado suicida sacudió el mercado.", SUI),
    ("es", "Hombres armados asesinaron a cinco campesinos.", ATT),
    ("es", "Hombres armados mataron a cinco campesinos.", ATT),
    ("es", "Enfrentamientos entre militares y hombres armados se registraron el lunes.", AC),
    ("es", "Sicarios ejecutaron a tres personas en un bar.", ATT),
    ("es", "Una masacre dejó ocho muertos en una finca.", ATT),
    ("es", "Hombres armados secuestraron a un grupo de pasajeros.", ABD),
    ("es", "Miles de personas marcharon contra el gobierno.", PP),
    ("es", "Cientos de personas se manifestaron frente al congreso.", PP),
    ("es", "Manifestantes quemaron la alcaldía y atacaron a la policía.", VD),
    ("es", "La policía dispersó a los manifestantes con gases lacrimógenos.", PR),
    ("es", "Varios comercios fueron saqueados durante la noche.", LOOT),
    ("es", "Una turba linchó a un presunto ladrón.", MOB),
    ("es", "La policía detuvo a veinte personas en un operativo.", ARR),
    ("es", "El ejército recuperó el control del pueblo.", GOV),
    ("es", "Los rebeldes tomaron el control de la ciudad.", NSA),
    ("es", "Desconocidos lanzaron una granada contra un cuartel.", GR),
    ("es", "Una balacera entre pandillas dejó varios heridos.", AC),
    ("es", "Un dron impactó en una vivienda.", AIR),
    ("es", "Un proyectil cayó en una escuela.", SH),
    ("es", "Un obús cayó en una escuela.", SH),
    (
        "es",
        "Un enfrentamiento entre militares y presuntos integrantes del cártel dejó tres muertos.",
        AC,
    ),
    ("es", "Hombres armados irrumpieron en una fiesta y dispararon contra los asistentes.", ATT),
    ("es", "Cinco jóvenes fueron privados de la libertad por hombres armados.", ABD),
    ("es", "Cientos de vecinos realizaron un cacerolazo contra el gobierno.", PP),
    ("es", "Transportistas bloquearon carreteras en protesta por la inseguridad.", PP),
    ("ru", "В районе села продолжаются ожесточённые бои.", AC),
    ("ru", "Произошло боестолкновение между военными и боевиками.", AC),
    ("ru", "Боевики устроили засаду на военную колонну.", AC),
    ("ru", "Город подвергся артиллерийскому обстрелу.", SH),
    ("ru", "Военные обстреляли жилой квартал.", SH),
    ("ru", "Ракета попала в многоэтажный дом.", SH),
    ("ru", "Войска нанесли ракетный удар по городу.", SH),
    ("ru", "Беспилотник атаковал автомобиль.", AIR),
    ("ru", "Авиаудар уничтожил здание.", AIR),
    ("ru", "Авиация нанесла удар по лагерю.", AIR),
    ("ru", "Дрон-камикадзе ударил по автобусу.", AIR),
    ("ru", "Сработало самодельное взрывное устройство.", IED),
    ("ru", "Автомобиль подорвался на мине.", IED),
    ("ru", "Взорвался заминированный автомобиль.", IED),
    ("ru", "Террорист-смертник подорвал себя у мечети.", SUI),
    ("ru", "Боевики расстреляли мирных жителей.", ATT),
    ("ru", "Неизвестные напали на деревню и убили пятерых жителей.", ATT),
    ("ru", "Боевики похитили двух иностранцев.", ABD),
    ("ru", "Тысячи людей вышли на акцию протеста.", PP),
    ("ru", "Участники митинга потребовали отставки губернатора.", PP),
    ("ru", "Полиция разогнала демонстрантов слезоточивым газом.", PR),
    ("ru", "Протестующие подожгли здание администрации и забросали полицию камнями.", VD),
    ("ru", "Магазины были разграблены мародёрами.", LOOT),
    ("ru", "Толпа жестоко избила подозреваемого.", MOB),
    ("ru", "Полиция задержала двадцать человек.", ARR),
    ("ru", "Неизвестный бросил гранату в окно.", GR),
    ("ru", "Армия восстановила контроль над городом.", GOV),
    ("ru", "Повстанцы захватили город.", NSA),
    ("ru", "ВСУ атаковали город беспилотниками.", AIR),
    ("ru", "Вражеский беспилотник сбросил взрывчатку на автомобиль.", AIR),
    ("ru", "Город обстреляли из РСЗО.", SH),
    ("ru", "Зафиксирован прилёт снаряда в частный дом.", SH),
    ("ru", "Боевики совершили нападение на полицейский пост.", AC),
    ("ru", "Неизвестные похитили бизнесмена.", ABD),
    ("uk", "Тривають запеклі бої біля села.", AC),
    ("uk", "Відбулося боєзіткнення між військовими та бойовиками.", AC),
    ("uk", "Росіяни обстріляли місто з артилерії.", SH),
    ("uk", "Ворог завдав ракетного удару по місту.", SH),
    ("uk", "Ракета влучила в багатоповерхівку.", SH),
    ("uk", "Окупанти атакували місто ударними дронами.", AIR),
    ("uk", "Ворожий дрон скинув вибухівку на автомобіль.", AIR),
    ("uk", "Російська авіація завдала удару керованими авіабомбами.", AIR),
    ("uk", "Шахеди атакували енергетичну інфраструктуру.", AIR),
    ("uk", "Автомобіль підірвався на міні.", IED),
    ("uk", "Спрацював саморобний вибуховий пристрій.", IED),
    ("uk", "Смертник підірвав себе біля мечеті.", SUI),
    ("uk", "Бойовики розстріляли мирних жителів.", ATT),
    ("uk", "Невідомі викрали активіста.", ABD),
    ("uk", "Сотні людей вийшли на акцію протесту.", PP),
    ("uk", "Мітингувальники вимагали відставки мера.", PP),
    ("uk", "Поліція розігнала протестувальників сльозогінним газом.", PR),
    ("uk", "Поліція затримала двадцятьох учасників.", ARR),
    ("uk", "Мародери розграбували магазини.", LOOT),
    ("uk", "Невідомий кинув гранату у вікно.", GR),
    ("uk", "Окупанти скинули авіабомбу на село.", AIR),
    ("uk", "Ворог атакував місто балістичними ракетами.", SH),
    ("uk", "Ворог вдарив по місту з реактивних систем залпового вогню.", SH),
    ("uk", "Ворог атакував громаду ударними БпЛА.", AIR),
    ("uk", "Росіяни скинули КАБ на село.", AIR),
    ("uk", "Окупанти гатили по селу з артилерії.", SH),
    ("uk", "Ворог обстрілював громаду з мінометів.", SH),
    ("uk", "Зафіксовано приліт у житловий будинок.", SH),
    ("uk", "FPV-дрон атакував автомобіль.", AIR),
    ("ar", "اندلعت اشتباكات عنيفة بين الجيش والمسلحين.", AC),
    ("ar", "دارت معارك ضارية في محيط المدينة.", AC),
    ("ar", "قصف مدفعي استهدف حيا سكنيا.", SH),
    ("ar", "سقطت قذائف هاون على السوق.", SH),
    ("ar", "صاروخ باليستي أصاب مبنى سكنيا.", SH),
    ("ar", "شن الطيران الحربي غارات على البلدة.", AIR),
    ("ar", "غارة جوية استهدفت منزلا.", AIR),
    ("ar", "استهدفت طائرة مسيرة سيارة مدنية.", AIR),
    ("ar", "قصفت مسيّرة مقرا عسكريا.", AIR),
    ("ar", "انفجرت عبوة ناسفة بدورية للجيش.", IED),
    ("ar", "انفجرت سيارة مفخخة أمام مركز للشرطة.", IED),
    ("ar", "انفجر لغم أرضي بسيارة مدنية.", IED),
    ("ar", "فجر انتحاري نفسه في مسجد.", SUI),
    ("ar", "هجوم انتحاري استهدف حاجزا أمنيا.", SUI),
    ("ar", "قتل مسلحون خمسة مدنيين في هجوم على قرية.", ATT),
    ("ar", "أعدم مسلحون مجهولون ثلاثة مدنيين.", ATT),
    ("ar", "اختطف مسلحون عاملا في منظمة إنسانية.", ABD),
    ("ar", "خرج آلاف المتظاهرين في مسيرة احتجاجية.", PP),
    ("ar", "نظم المحتجون وقفة احتجاجية أمام البرلمان.", PP),
    ("ar", "فرقت الشرطة المتظاهرين بالغاز المسيل للدموع.", PR),
    ("ar", "أضرم محتجون النار في مقر المحافظة.", VD),
    ("ar", "تعرضت المحلات التجارية للنهب.", LOOT),
    ("ar", "اعتقلت قوات الأمن عشرين شخصا.", ARR),
    ("ar", "استعاد الجيش السيطرة على المدينة.", GOV),
    ("ar", "سيطر المتمردون على المدينة.", NSA),
    ("ar", "ألقى مجهول قنبلة يدوية على منزل.", GR),
    ("ar", "نصب مسلحون كمينا لدورية عسكرية.", AC),
    ("ar", "قصف صاروخي استهدف حيا سكنيا.", SH),
    ("ar", "سقطت قذيفة صاروخية على منزل.", SH),
    ("ar", "قصفت المدفعية أطراف البلدة.", SH),
    ("ar", "شنت طائرات حربية غارة على البلدة.", AIR),
    ("ar", "استهدفت مسيرة انتحارية مقرا.", AIR),
    ("ar", "هجوم بطائرات مسيرة استهدف المطار.", AIR),
    ("ar", "انفجار عبوة ناسفة استهدف دورية.", IED),
    ("ar", "تفجير سيارة مفخخة قرب السوق.", IED),
    ("ar", "اعتقلت قوات الاحتلال خمسة شبان.", ARR),
    ("ar", "نظم العشرات وقفة تضامنية.", PP),
    ("ar", "نفذ العمال اعتصاما أمام الوزارة.", PP),
    ("ar", "تعرضت المتاجر للسلب والنهب.", LOOT),
]

TOLLS = [
    ("fr", "L'attaque a fait au moins douze morts et une vingtaine de blessés.", (12, 20)),
    ("fr", "Trois personnes ont été tuées et sept autres blessées.", (3, 7)),
    ("fr", "Le bilan s'élève à 27 morts.", (27, None)),
    ("fr", "Deux soldats ont péri dans l'explosion.", (2, None)),
    ("fr", "Un enfant a été tué par un éclat d'obus.", (1, None)),
    ("fr", "L'explosion a coûté la vie à quatre civils.", (4, None)),
    ("fr", "Le bombardement n'a pas fait de victimes.", (0, 0)),
    ("fr", "Aucune victime n'est à déplorer après la frappe.", (0, 0)),
    ("fr", "Des dizaines de personnes ont été tuées dans l'attaque.", (12, None)),
    ("fr", "Le bombardement a fait onze blessés, dont deux grièvement.", (None, 11)),
    ("fr", "Cinq morts et quinze blessés, selon un bilan provisoire de l'attaque.", (5, 15)),
    ("fr", "Une femme a perdu la vie dans la frappe.", (1, None)),
    ("fr", "Six civils ont trouvé la mort dans l'attaque.", (6, None)),
    ("fr", "Le raid a frappé un marché, faisant 8 morts.", (8, None)),
    ("fr", "Trente-deux personnes ont été blessées dans l'explosion.", (None, 32)),
    ("fr", "L'attaque a fait quatre-vingt-dix morts.", (90, None)),
    ("fr", "Au moins 14 personnes ont été tuées et 30 autres blessées.", (14, 30)),
    ("fr", "Au moins sept civils ont été tués et une dizaine blessés dans une frappe.", (7, 10)),
    ("fr", "La frappe a tué deux personnes et en a blessé cinq autres.", (2, 5)),
    ("fr", "Le bilan s'est alourdi à 31 morts.", (31, None)),
    ("fr", "Bilan : 4 morts et 12 blessés.", (4, 12)),
    ("fr", "Deux policiers ont été grièvement blessés.", (None, 2)),
    ("fr", "Un soldat a succombé à ses blessures.", (1, None)),
    ("fr", "L'attaque a fait une centaine de morts.", (100, None)),
    ("fr", "Une femme de 41 ans a été tuée dans la frappe.", (1, None)),
    ("fr", "Deux enfants figurent parmi les cinq morts.", (5, None)),
    ("es", "El ataque dejó al menos doce muertos y una veintena de heridos.", (12, 20)),
    ("es", "Tres personas murieron y siete resultaron heridas.", (3, 7)),
    ("es", "Dos soldados perdieron la vida en la explosión.", (2, None)),
    ("es", "Un niño fue asesinado en el ataque.", (1, None)),
    ("es", "El balance es de 27 fallecidos.", (27, None)),
    ("es", "El bombardeo no dejó víctimas.", (0, 0)),
    ("es", "Decenas de personas murieron en el ataque.", (12, None)),
    ("es", "El ataque cobró la vida de cuatro civiles.", (4, None)),
    ("es", "Cinco muertos y quince heridos dejó el ataque.", (5, 15)),
    ("es", "El misil cayó sobre un mercado, dejando 8 muertos.", (8, None)),
    ("es", "Treinta y dos personas resultaron heridas en la explosión.", (None, 32)),
    ("es", "Una mujer murió en el bombardeo.", (1, None)),
    ("es", "La explosión causó la muerte de seis personas.", (6, None)),
    ("es", "Los sicarios mataron a 14 personas.", (14, None)),
    ("es", "Al menos 9 personas fallecieron y 21 quedaron heridas.", (9, 21)),
    ("es", "Al menos siete civiles murieron y una decena resultaron heridos.", (7, 10)),
    ("es", "El ataque dejó un saldo de 31 muertos.", (31, None)),
    ("es", "Saldo: 4 muertos y 12 heridos.", (4, 12)),
    ("es", "Dos policías resultaron gravemente heridos.", (None, 2)),
    ("es", "Un soldado murió a causa de sus heridas.", (1, None)),
    ("es", "El ataque dejó un centenar de muertos.", (100, None)),
    ("es", "Perdieron la vida 5 personas en el ataque.", (5, None)),
    ("es", "Asesinan a tres jóvenes en una fiesta.", (3, None)),
    ("es", "Una mujer de 41 años murió en el ataque.", (1, None)),
    ("ru", "Погибли по меньшей мере 12 человек, ещё 20 получили ранения.", (12, 20)),
    ("ru", "Погибли три человека, семеро ранены.", (3, 7)),
    ("ru", "В результате удара погибли не менее пяти мирных жителей.", (5, None)),
    ("ru", "Двое военных погибли при взрыве.", (2, None)),
    ("ru", "Ранены 15 человек.", (None, 15)),
    ("ru", "Пострадали 32 человека.", (None, 32)),
    ("ru", "При обстреле погиб ребёнок.", (1, None)),
    ("ru", "Жертв нет.", (0, 0)),
    ("ru", "Обошлось без жертв.", (0, 0)),
    ("ru", "Число погибших возросло до 27.", (27, None)),
    ("ru", "Десятки человек погибли при обстреле.", (12, None)),
    ("ru", "Убиты четверо мирных жителей.", (4, None)),
    ("ru", "Удар унёс жизни шести человек.", (6, None)),
    ("ru", "Один человек погиб, двое получили ранения.", (1, 2)),
    ("ru", "Ранения получили не менее 40 человек.", (None, 40)),
    ("ru", "Погиб двадцать один человек.", (21, None)),
    ("ru", "Погибли семь мирных жителей, около десяти получили ранения.", (7, 10)),
    ("ru", "Жертвами удара стали 31 человек.", (31, None)),
    ("ru", "Ранен 1 человек.", (None, 1)),
    ("ru", "Двое полицейских получили тяжёлые ранения.", (None, 2)),
    ("ru", "Погибли около сотни человек.", (100, None)),
    ("ru", "Удар привёл к гибели пяти человек.", (5, None)),
    ("ru", "Пострадали пятеро, в том числе двое детей.", (None, 5)),
    ("ru", "Убита женщина.", (1, None)),
    ("ru", "В результате атаки погибла 41-летняя женщина.", (1, None)),
    ("ru", "Погибли 3 человека, в том числе ребёнок.", (3, None)),
    ("uk", "Загинули щонайменше 12 людей, ще 20 дістали поранення.", (12, 20)),
    ("uk", "Загинули троє людей, семеро поранені.", (3, 7)),
    ("uk", "Двоє військових загинули.", (2, None)),
    ("uk", "Поранено 15 людей.", (None, 15)),
    ("uk", "Постраждали 32 людини.", (None, 32)),
    ("uk", "Загинула дитина.", (1, None)),
    ("uk", "Обійшлося без жертв.", (0, 0)),
    ("uk", "Кількість загиблих зросла до 27.", (27, None)),
    ("uk", "Десятки людей загинули.", (12, None)),
    ("uk", "Убито чотирьох цивільних.", (4, None)),
    ("uk", "Удар забрав життя шістьох людей.", (6, None)),
    ("uk", "Одна людина загинула, двоє отримали поранення.", (1, 2)),
    ("uk", "Не менше 40 людей поранені.", (None, 40)),
    ("uk", "Загинули п'ятеро цивільних.", (5, None)),
    ("uk", "Внаслідок атаки загинули двадцять одна людина.", (21, None)),
    ("uk", "Загинули семеро мирних жителів, близько десяти отримали поранення.", (7, 10)),
    ("uk", "Двоє поліцейських отримали важкі поранення.", (None, 2)),
    ("uk", "Загинула 41-річна жінка.", (1, None)),
    ("uk", "Загинули 3 людини, серед них дитина.", (3, None)),
    ("uk", "Постраждали п'ятеро людей, зокрема двоє дітей.", (None, 5)),
    ("uk", "Загинули близько сотні людей.", (100, None)),
    ("uk", "Окупанти вбили п'ятьох людей.", (5, None)),
    ("ar", "أسفر الهجوم عن مقتل ١٢ شخصا على الأقل وإصابة ٢٠ آخرين.", (12, 20)),
    ("ar", "قتل ثلاثة أشخاص وأصيب سبعة آخرون.", (3, 7)),
    ("ar", "استشهد خمسة فلسطينيين في القصف.", (5, None)),
    ("ar", "ارتفع عدد القتلى إلى 27.", (27, None)),
    ("ar", "أسفر القصف عن ما لا يقل عن 40 قتيلا.", (40, None)),
    ("ar", "سقط القذيفة دون وقوع إصابات.", (0, 0)),
    ("ar", "أسفر القصف عن عشرات القتلى.", (12, None)),
    ("ar", "أسفر القصف عن مقتل طفل.", (1, None)),
    ("ar", "أسفر القصف عن مقتل شخصين وإصابة ثلاثة.", (2, 3)),
    ("ar", "أصيب 15 شخصا بجروح.", (None, 15)),
    ("ar", "أسفرت الغارة عن سقوط ستة شهداء.", (6, None)),
    ("ar", "خلف الهجوم خمسة قتلى وخمسة عشر جريحا.", (5, 15)),
    ("ar", "أسفر الهجوم عن مقتل جنديين.", (2, None)),
    ("ar", "لقي أربعة مدنيين حتفهم في القصف.", (4, None)),
    ("ar", "أسفر القصف عن مقتل سبعة مدنيين وإصابة نحو عشرة آخرين.", (7, 10)),
    ("ar", "ارتفعت حصيلة القتلى إلى 31.", (31, None)),
    ("ar", "أصيب شرطيان بجروح خطيرة.", (None, 2)),
    ("ar", "استشهد طفلان في القصف.", (2, None)),
    ("ar", "قتل ١٢ شخصا وجرح ٢٠ آخرون.", (12, 20)),
    ("ar", "أسفر القصف عن استشهاد مواطن.", (1, None)),
    ("ar", "قتلت امرأة تبلغ من العمر 41 عاما في القصف.", (1, None)),
    ("ar", "أسفر القصف عن مقتل نحو مئة شخص.", (100, None)),
    ("ar", "أسفر الهجوم عن سقوط 5 قتلى و8 جرحى.", (5, 8)),
]

DATES = [
    ("fr", "Mardi, des frappes ont touché la ville.", "2025-03-11"),
    ("fr", "Dans la nuit de dimanche à lundi, des drones ont frappé la ville.", "2025-03-10"),
    ("fr", "Hier, un attentat a frappé le marché.", "2025-03-11"),
    ("fr", "Avant-hier, des combats ont éclaté.", "2025-03-10"),
    ("fr", "Le 5 mars, des tirs ont visé la ville.", "2025-03-05"),
    ("fr", "Le samedi 8 mars, des tirs ont visé la ville.", "2025-03-08"),
    ("fr", "Dans la nuit du 9 au 10 mars, des drones ont frappé la ville.", "2025-03-10"),
    ("fr", "Le 30 décembre dernier, une attaque a visé le camp.", "2024-12-30"),
    ("fr", "Lundi dernier, une attaque a visé le camp.", "2025-03-10"),
    ("fr", "Dimanche soir, une attaque a visé le camp.", "2025-03-09"),
    ("fr", "Mercredi matin, une attaque a visé le camp.", "2025-03-12"),
    ("fr", "Le 1er mars, une attaque a visé le camp.", "2025-03-01"),
    ("fr", "Dans la nuit de samedi, une attaque a visé le camp.", "2025-03-08"),
    ("fr", "Le 3 février 2025, une attaque a visé le camp.", "2025-02-03"),
    ("fr", "Dans la nuit de mardi à mercredi, des drones ont frappé.", "2025-03-12"),
    ("fr", "Jeudi dernier, des drones ont frappé.", "2025-03-06"),
    ("fr", "Le samedi 1er mars, des drones ont frappé.", "2025-03-01"),
    ("fr", "Ce mardi, des drones ont frappé.", "2025-03-11"),
    ("fr", "Lundi 10 mars au soir, des drones ont frappé.", "2025-03-10"),
    ("fr", "Dans la nuit du 10 au 11 mars, des drones ont frappé.", "2025-03-11"),
    ("fr", "Le 28 février, des drones ont frappé.", "2025-02-28"),
    ("fr", "Dimanche 9 mars 2025, des drones ont frappé.", "2025-03-09"),
    ("fr", "Il y a deux jours, des drones ont frappé.", "2025-03-10"),
    ("es", "El martes, un ataque alcanzó la ciudad.", "2025-03-11"),
    ("es", "En la madrugada del domingo, un ataque alcanzó la ciudad.", "2025-03-09"),
    ("es", "En la noche del sábado al domingo, un ataque alcanzó la ciudad.", "2025-03-09"),
    ("es", "Ayer, un ataque alcanzó la ciudad.", "2025-03-11"),
    ("es", "Anteayer, un ataque alcanzó la ciudad.", "2025-03-10"),
    ("es", "Antier un ataque alcanzó la ciudad.", "2025-03-10"),
    ("es", "El 5 de marzo, un ataque alcanzó la ciudad.", "2025-03-05"),
    ("es", "El sábado 8 de marzo, un ataque alcanzó la ciudad.", "2025-03-08"),
    ("es", "El pasado 30 de diciembre, un ataque alcanzó la ciudad.", "2024-12-30"),
    ("es", "El lunes pasado, un ataque alcanzó la ciudad.", "2025-03-10"),
    ("es", "El domingo por la noche, un ataque alcanzó la ciudad.", "2025-03-09"),
    ("es", "La madrugada de este martes, un ataque alcanzó la ciudad.", "2025-03-11"),
    ("es", "El 1.º de marzo, un ataque alcanzó la ciudad.", "2025-03-01"),
    ("es", "Este miércoles, un ataque alcanzó la ciudad.", "2025-03-12"),
    ("es", "La noche del martes, un dron impactó en una vivienda.", "2025-03-11"),
    ("es", "El pasado jueves, un dron impactó en una vivienda.", "2025-03-06"),
    ("es", "El sábado 1 de marzo, un dron impactó en una vivienda.", "2025-03-01"),
    ("es", "Este martes 11 de marzo, un dron impactó en una vivienda.", "2025-03-11"),
    ("es", "En la madrugada de este miércoles, un dron impactó en una vivienda.", "2025-03-12"),
    ("es", "Hace dos días, un dron impactó en una vivienda.", "2025-03-10"),
    ("es", "El 28 de febrero, un dron impactó en una vivienda.", "2025-02-28"),
    ("es", "El domingo 9 de marzo de 2025, un dron impactó en una vivienda.", "2025-03-09"),
    ("ru", "Во вторник военные обстреляли город.", "2025-03-11"),
    ("ru", "В ночь на понедельник военные обстреляли город.", "2025-03-10"),
    ("ru", "В ночь с субботы на воскресенье военные обстреляли город.", "2025-03-09"),
    ("ru", "Вчера военные обстреляли город.", "2025-03-11"),
    ("ru", "Позавчера военные обстреляли город.", "2025-03-10"),
    ("ru", "Накануне военные обстреляли город.", "2025-03-11"),
    ("ru", "5 марта военные обстреляли город.", "2025-03-05"),
    ("ru", "В субботу, 8 марта, военные обстреляли город.", "2025-03-08"),
    ("ru", "В ночь на 10 марта военные обстреляли город.", "2025-03-10"),
    ("ru", "30 декабря военные обстреляли город.", "2024-12-30"),
    ("ru", "В воскресенье вечером военные обстреляли город.", "2025-03-09"),
    ("ru", "В среду утром военные обстреляли город.", "2025-03-12"),
    ("ru", "В прошлый понедельник военные обстреляли город.", "2025-03-10"),
    ("ru", "1 марта военные обстреляли город.", "2025-03-01"),
    ("ru", "Утром 9 марта военные обстреляли город.", "2025-03-09"),
    ("ru", "В ночь на среду город обстреляли.", "2025-03-12"),
    ("ru", "В минувший четверг город обстреляли.", "2025-03-06"),
    ("ru", "В прошлую пятницу город обстреляли.", "2025-03-07"),
    ("ru", "Утром в понедельник город обстреляли.", "2025-03-10"),
    ("ru", "Вечером 9 марта город обстреляли.", "2025-03-09"),
    ("ru", "В ночь с 9 на 10 марта город обстреляли.", "2025-03-10"),
    ("ru", "28 февраля город обстреляли.", "2025-02-28"),
    ("ru", "Сегодня утром город обстреляли.", "2025-03-12"),
    ("ru", "9 марта 2025 года город обстреляли.", "2025-03-09"),
    ("ru", "В воскресенье, 9 марта, город обстреляли.", "2025-03-09"),
    ("ru", "Во вторник вечером город обстреляли.", "2025-03-11"),
    ("uk", "У вівторок ворог обстріляв місто.", "2025-03-11"),
    ("uk", "У ніч проти понеділка ворог обстріляв місто.", "2025-03-10"),
    ("uk", "В ніч на неділю ворог обстріляв місто.", "2025-03-09"),
    ("uk", "У ніч із суботи на неділю ворог обстріляв місто.", "2025-03-09"),
    ("uk", "Вчора ворог обстріляв місто.", "2025-03-11"),
    ("uk", "Учора ворог обстріляв місто.", "2025-03-11"),
    ("uk", "Позавчора ворог обстріляв місто.", "2025-03-10"),
    ("uk", "Напередодні ворог обстріляв місто.", "2025-03-11"),
    ("uk", "5 березня ворог обстріляв місто.", "2025-03-05"),
    ("uk", "У суботу, 8 березня, ворог обстріляв місто.", "2025-03-08"),
    ("uk", "У ніч проти 10 березня ворог обстріляв місто.", "2025-03-10"),
    ("uk", "30 грудня ворог обстріляв місто.", "2024-12-30"),
    ("uk", "У неділю ввечері ворог обстріляв місто.", "2025-03-09"),
    ("uk", "У середу вранці ворог обстріляв місто.", "2025-03-12"),
    ("uk", "Минулого понеділка ворог обстріляв місто.", "2025-03-10"),
    ("uk", "1 березня ворог обстріляв місто.", "2025-03-01"),
    ("uk", "У ніч на середу ворог атакував місто.", "2025-03-12"),
    ("uk", "Минулого четверга ворог атакував місто.", "2025-03-06"),
    ("uk", "У минулу п'ятницю ворог атакував місто.", "2025-03-07"),
    ("uk", "Вранці у понеділок ворог атакував місто.", "2025-03-10"),
    ("uk", "Ввечері 9 березня ворог атакував місто.", "2025-03-09"),
    ("uk", "У ніч з 9 на 10 березня ворог атакував місто.", "2025-03-10"),
    ("uk", "28 лютого ворог атакував місто.", "2025-02-28"),
    ("uk", "Сьогодні вранці ворог атакував місто.", "2025-03-12"),
    ("uk", "9 березня 2025 року ворог атакував місто.", "2025-03-09"),
    ("uk", "В неділю, 9 березня, ворог атакував місто.", "2025-03-09"),
    ("ar", "يوم الثلاثاء قصفت القوات المدينة.", "2025-03-11"),
    ("ar", "فجر الأحد قصفت القوات المدينة.", "2025-03-09"),
    ("ar", "مساء الأحد قصفت القوات المدينة.", "2025-03-09"),
    ("ar", "ليل السبت الأحد قصفت القوات المدينة.", "2025-03-09"),
    ("ar", "أمس قصفت القوات المدينة.", "2025-03-11"),
    ("ar", "أول أمس قصفت القوات المدينة.", "2025-03-10"),
    ("ar", "في 5 مارس/آذار قصفت القوات المدينة.", "2025-03-05"),
    ("ar", "في ٥ آذار قصفت القوات المدينة.", "2025-03-05"),
    ("ar", "في 3 جانفي قصفت القوات المدينة.", "2025-01-03"),
    ("ar", "في 28 فيفري قصفت القوات المدينة.", "2025-02-28"),
    ("ar", "في 30 كانون الأول قصفت القوات المدينة.", "2024-12-30"),
    ("ar", "السبت 8 مارس قصفت القوات المدينة.", "2025-03-08"),
    ("ar", "يوم الأربعاء قصفت القوات المدينة.", "2025-03-12"),
    ("ar", "صباح اليوم قصفت القوات المدينة.", "2025-03-12"),
    ("ar", "في 4 يناير قصفت القوات المدينة.", "2025-01-04"),
    ("ar", "في ٣ شباط قصفت القوات المدينة.", "2025-02-03"),
    ("ar", "ليل الثلاثاء الأربعاء قصفت القوات المدينة.", "2025-03-12"),
    ("ar", "فجر اليوم قصفت القوات المدينة.", "2025-03-12"),
    ("ar", "مساء أمس قصفت القوات المدينة.", "2025-03-11"),
    ("ar", "ظهر الاثنين قصفت القوات المدينة.", "2025-03-10"),
    ("ar", "الخميس الماضي قصفت القوات المدينة.", "2025-03-06"),
    ("ar", "يوم السبت الماضي قصفت القوات المدينة.", "2025-03-08"),
    ("ar", "الأحد 9 آذار/مارس قصفت القوات المدينة.", "2025-03-09"),
    ("ar", "في 28 شباط/فبراير قصفت القوات المدينة.", "2025-02-28"),
    ("ar", "في ٩ مارس ٢٠٢٥ قصفت القوات المدينة.", "2025-03-09"),
    ("ar", "صباح الأحد قصفت القوات المدينة.", "2025-03-09"),
    ("ar", "في التاسع من مارس قصفت القوات المدينة.", "2025-03-09"),
    ("ar", "في الثاني والعشرين من شباط/فبراير قصفت القوات المدينة.", "2025-02-22"),
    ("ar", "في الأول من كانون الثاني قصفت القوات المدينة.", "2025-01-01"),
]

# days of the month after the weekdays of a night, dates in digits (day first)
DATES += [
    ("fr", "Dans la nuit du lundi 10 au mardi 11 mars, des drones ont frappé.", "2025-03-11"),
    ("es", "La noche del lunes 10 al martes 11 de marzo, un dron impactó.", "2025-03-11"),
    ("fr", "Le 11/03/2025, des drones ont frappé.", "2025-03-11"),
    ("es", "El 11/03/2025 un dron impactó.", "2025-03-11"),
    ("ru", "11.03.2025 город обстреляли.", "2025-03-11"),
    ("uk", "11.03.25 ворог атакував місто.", "2025-03-11"),
    ("ar", "في ١١/٣/٢٠٢٥ قصفت القوات المدينة.", "2025-03-11"),
    ("ar", "في 16 تشرين الثاني قصفت القوات المدينة.", "2024-11-16"),
    ("ar", "في 16 جويلية قصفت القوات المدينة.", "2024-07-16"),
    ("ar", "في 16 أغسطس قصفت القوات المدينة.", "2024-08-16"),
    ("ru", "16 ноября город обстреляли.", "2024-11-16"),
    ("uk", "16 листопада ворог атакував місто.", "2024-11-16"),
]


def test_numbers_in_digits_are_no_dates_without_a_year() -> None:
    found = find_dates("Le score était de 3-2 hier.", reference=REFERENCE, rules=_rules("fr"))
    assert [str(d.date) for d in found] == ["2025-03-11"]


# vague counts, numerals in their case forms, riots, arrests, drones, artillery, massacres
CUES += [
    ("fr", "Des émeutes ont éclaté dans la capitale.", VD),
    ("fr", "La police a interpellé une dizaine de personnes.", ARR),
    ("fr", "Des drones kamikazes ont frappé la ville.", AIR),
    ("fr", "Des tirs d'obus ont touché le marché.", SH),
    ("fr", "Une attaque de missiles a visé la ville.", SH),
    ("fr", "Un massacre a été commis dans le village.", ATT),
    ("fr", "Un sit-in a été organisé devant le ministère.", PP),
    ("es", "Se registraron disturbios en la capital.", VD),
    ("es", "Los drones kamikaze impactaron en la ciudad.", AIR),
    ("es", "Un ataque de artillería alcanzó el mercado.", SH),
    ("es", "Un ataque con misiles alcanzó la ciudad.", SH),
    ("es", "Una masacre se cometió en el pueblo.", ATT),
    ("es", "La policía detuvo a varios sospechosos.", ARR),
    ("ru", "В городе начались массовые беспорядки.", VD),
    ("ru", "Полиция задержала нескольких участников.", ARR),
    ("ru", "Атака БПЛА повредила склад.", AIR),
    ("ru", "Артобстрел повредил школу.", SH),
    ("ru", "Миномётный обстрел повредил школу.", SH),
    ("ru", "Ракетная атака повредила школу.", SH),
    ("ru", "Боевики устроили расстрел мирных жителей.", ATT),
    ("uk", "У місті почалися масові заворушення.", VD),
    ("uk", "Поліція затримала кількох учасників.", ARR),
    ("uk", "Атака БпЛА пошкодила склад.", AIR),
    ("uk", "Артобстріл пошкодив школу.", SH),
    ("uk", "Мінометний обстріл пошкодив школу.", SH),
    ("uk", "Ракетна атака пошкодила школу.", SH),
    ("uk", "Ворог обстріляв село з РСЗВ.", SH),
    ("ar", "اندلعت أعمال شغب في العاصمة.", VD),
    ("ar", "هجوم صاروخي استهدف المدينة.", SH),
    ("ar", "استهدفت طائرة بدون طيار سيارة.", AIR),
    ("ar", "اعتقلت الشرطة عددا من المحتجين.", PR),
]
TOLLS += [
    ("fr", "L'attaque a fait des dizaines de morts.", (12, None)),
    ("fr", "Une quarantaine de personnes ont été blessées.", (None, 40)),
    ("fr", "Neuf personnes, dont trois enfants, ont été tuées.", (9, None)),
    ("fr", "Personne n'a été blessé, selon la police.", (0, 0)),
    ("fr", "Le raid a fait 2 morts et 3 blessés légers.", (2, 3)),
    ("fr", "Au moins 1 200 personnes ont été tuées.", (1200, None)),
    ("es", "El ataque dejó decenas de heridos.", (None, 12)),
    ("es", "Una treintena de personas murieron.", (30, None)),
    ("es", "Nueve personas, entre ellas tres niños, murieron.", (9, None)),
    ("es", "Nadie resultó herido en el ataque.", (0, 0)),
    ("es", "El ataque dejó 2 muertos y 3 heridos leves.", (2, 3)),
    ("es", "Al menos 1.200 personas murieron.", (1200, None)),
    ("ru", "Несколько человек погибли.", (10, None)),
    ("ru", "Десятки человек получили ранения.", (None, 12)),
    ("ru", "Никто не пострадал.", (0, 0)),
    ("ru", "Ранения получили сорок человек.", (None, 40)),
    ("ru", "Погибли трое, ранены четверо.", (3, 4)),
    ("ru", "Удар унёс жизни двухсот человек.", (200, None)),
    ("uk", "Кілька людей загинули.", (10, None)),
    ("uk", "Десятки людей отримали поранення.", (None, 12)),
    ("uk", "Ніхто не постраждав.", (0, 0)),
    ("uk", "Поранення отримали сорок людей.", (None, 40)),
    ("uk", "Загинули троє, поранені четверо.", (3, 4)),
    ("uk", "Удар забрав життя двохсот людей.", (200, None)),
    ("ar", "أسفر القصف عن سقوط عشرات الجرحى.", (None, 12)),
    ("ar", "أسفر القصف عن مقتل عدد من المدنيين.", (10, None)),
    ("ar", "لم يصب أحد بأذى.", (0, 0)),
    ("ar", "أسفر القصف عن مقتل ثلاثين شخصا.", (30, None)),
    ("ar", "أسفر القصف عن مقتل مئة شخص.", (100, None)),
    ("ar", "أسفر القصف عن مقتل 1200 شخص.", (1200, None)),
    ("ar", "قتل تسعة أشخاص بينهم ثلاثة أطفال.", (9, None)),
]


ACTORS = [
    ("fr", "L'armée malienne a mené des frappes contre les jihadistes.", "Military Forces of Mali"),
    (
        "fr",
        "Les FARDC ont repoussé une offensive.",
        "Military Forces of the Democratic Republic of Congo",
    ),
    ("fr", "Les rebelles du M23 ont attaqué la localité.", "M23"),
    ("fr", "Les jihadistes du JNIM ont attaqué un poste militaire.", "JNIM"),
    ("fr", "L'État islamique au Sahel a revendiqué l'attaque.", "Islamic State Sahel Province"),
    ("fr", "Les Forces de soutien rapide (FSR) ont bombardé la ville.", "Rapid Support Forces"),
    ("fr", "Les shebab ont revendiqué l'attentat.", "Al Shabaab"),
    ("fr", "L'armée israélienne a frappé un immeuble.", "Military Forces of Israel"),
    ("fr", "Le Hezbollah a tiré des roquettes.", "Hezbollah"),
    ("fr", "Les Houthis ont lancé un missile.", "Houthis"),
    ("fr", "L'armée russe a bombardé la ville.", "Military Forces of Russia"),
    ("fr", "Les forces ukrainiennes ont abattu un drone.", "Military Forces of Ukraine"),
    ("fr", "Les ADF ont massacré des civils.", "ADF"),
    ("fr", "L'armée nigérienne a riposté.", "Military Forces of Niger"),
    ("fr", "L'armée tchadienne a riposté.", "Military Forces of Chad"),
    ("fr", "L'armée burkinabè a riposté.", "Military Forces of Burkina Faso"),
    ("fr", "L'armée soudanaise a repris le quartier.", "Military Forces of Sudan"),
    ("fr", "Des miliciens CODECO ont attaqué un camp de déplacés.", "CODECO"),
    ("fr", "Les combattants du Hamas ont tiré des roquettes.", "Hamas"),
    ("fr", "Les forces de Haftar ont bombardé la ville.", "Libyan National Army"),
    ("fr", "La police haïtienne a riposté.", ("Police Forces of Haiti", "HT")),
    (
        "fr",
        "Les Forces démocratiques syriennes (FDS) ont repoussé l'attaque.",
        "Syrian Democratic Forces",
    ),
    (
        "fr",
        "L'armée congolaise a repoussé l'assaut.",
        "Military Forces of the Democratic Republic of Congo",
    ),
    ("fr", "Les FAMa ont repoussé l'assaut.", "Military Forces of Mali"),
    ("fr", "Des éléments de l'EIGS ont attaqué le village.", "Islamic State Sahel Province"),
    ("fr", "L'Armée nationale libyenne a bombardé l'aéroport.", "Libyan National Army"),
    ("fr", "Tsahal a frappé un immeuble.", "Military Forces of Israel"),
    ("fr", "L'armée camerounaise a repoussé l'assaut.", "Military Forces of Cameroon"),
    ("fr", "Des rebelles du M23 soutenus par le Rwanda ont pris la ville.", "M23"),
    ("es", "El Ejército colombiano bombardeó un campamento.", "Military Forces of Colombia"),
    ("es", "Guerrilleros del ELN atacaron una base.", "ELN"),
    ("es", "El Cártel de Sinaloa controla la zona.", "Sinaloa Cartel"),
    (
        "es",
        "El Cártel Jalisco Nueva Generación atacó a la policía.",
        "Jalisco New Generation Cartel",
    ),
    ("es", "El ejército mexicano abatió a diez sicarios.", "Military Forces of Mexico"),
    ("es", "El ejército israelí bombardeó un edificio.", "Military Forces of Israel"),
    ("es", "Las fuerzas rusas lanzaron misiles.", "Military Forces of Russia"),
    ("es", "Las tropas ucranianas derribaron un dron.", "Military Forces of Ukraine"),
    ("es", "Los hutíes lanzaron un misil.", "Houthis"),
    ("es", "Milicianos de Hezbolá dispararon cohetes.", "Hezbollah"),
    ("es", "Hamás reivindicó el ataque.", "Hamas"),
    ("es", "El Estado Islámico reivindicó el atentado.", "Islamic State"),
    ("es", "Las Fuerzas de Apoyo Rápido atacaron la ciudad.", "Rapid Support Forces"),
    ("es", "El Clan del Golfo atacó a la policía.", "Clan del Golfo"),
    ("es", "La Policía Nacional de Haití respondió al ataque.", ("Police Forces of Haiti", "HT")),
    ("es", "Al Shabab reivindicó el atentado.", "Al Shabaab"),
    ("es", "El Ejército sudanés recuperó la ciudad.", "Military Forces of Sudan"),
    ("es", "Las fuerzas armadas ucranianas derribaron un dron.", "Military Forces of Ukraine"),
    ("es", "El Ejército ruso lanzó un ataque.", "Military Forces of Russia"),
    ("es", "La policía colombiana capturó a un cabecilla.", "Police Forces of Colombia"),
    ("es", "Las pandillas de Viv Ansanm atacaron el barrio.", "Viv Ansanm"),
    ("es", "Las FDI bombardearon un edificio.", "Military Forces of Israel"),
    ("ru", "ВСУ нанесли удар по городу.", "Military Forces of Ukraine"),
    ("ru", "Российские военные обстреляли город.", "Military Forces of Russia"),
    ("ru", "Боевики ХАМАС выпустили ракеты.", "Hamas"),
    ("ru", "ЦАХАЛ нанёс удар по лагерю.", "Military Forces of Israel"),
    ("ru", "Хуситы выпустили ракету по судну.", "Houthis"),
    ("ru", "Боевики «Исламского государства» атаковали блокпост.", "Islamic State"),
    ("ru", "Силы быстрого реагирования атаковали город.", "Rapid Support Forces"),
    ("ru", "Суданская армия отбила атаку.", "Military Forces of Sudan"),
    ("ru", "«Хезболла» выпустила ракеты.", "Hezbollah"),
    ("ru", "Талибы захватили пост.", "Taliban"),
    ("ru", "Боевики «Аш-Шабааб» атаковали базу.", "Al Shabaab"),
    ("ru", "Израильская армия нанесла удар.", "Military Forces of Israel"),
    ("ru", "Сирийская армия отбила атаку.", "Military Forces of Syria"),
    ("ru", "Сирийские демократические силы отбили атаку.", "Syrian Democratic Forces"),
    ("ru", "Боевики «Хайят Тахрир аш-Шам» атаковали город.", "Hayat Tahrir al-Sham"),
    ("ru", "Украинские беспилотники атаковали город.", "Military Forces of Ukraine"),
    ("ru", "Израильские военные нанесли удар.", "Military Forces of Israel"),
    ("ru", "Украинские военные нанесли удар.", "Military Forces of Ukraine"),
    ("ru", "Малийская армия нанесла удар.", "Military Forces of Mali"),
    ("ru", "Боевики ИГ атаковали блокпост.", "Islamic State"),
    ("ru", "Ливийская армия нанесла удар.", "Military Forces of Libya"),
    ("uk", "ЗСУ завдали удару по складу.", "Military Forces of Ukraine"),
    ("uk", "Окупанти обстріляли місто.", "Military Forces of Russia"),
    ("uk", "Російські війська обстріляли місто.", "Military Forces of Russia"),
    ("uk", "Рашисти обстріляли місто.", "Military Forces of Russia"),
    ("uk", "Ворог обстріляв місто з артилерії.", "Military Forces of Russia"),
    ("uk", "ЦАХАЛ завдав удару.", "Military Forces of Israel"),
    ("uk", "Бойовики ХАМАС випустили ракети.", "Hamas"),
    ("uk", "Хусити випустили ракету.", "Houthis"),
    ("uk", "Сили оборони України знищили склад.", "Military Forces of Ukraine"),
    ("uk", "Сили швидкої підтримки атакували місто.", "Rapid Support Forces"),
    ("uk", "Росія атакувала місто дронами.", "Military Forces of Russia"),
    ("uk", "Російська армія атакувала місто.", "Military Forces of Russia"),
    ("uk", "Бойовики «Ісламської держави» атакували блокпост.", "Islamic State"),
    ("uk", "«Хезбола» випустила ракети.", "Hezbollah"),
    ("uk", "Ворожі дрони атакували місто.", "Military Forces of Russia"),
    ("uk", "Сили оборони знищили склад.", "Military Forces of Ukraine"),
    ("uk", "Армія РФ атакувала місто.", "Military Forces of Russia"),
    ("uk", "Ізраїльська армія завдала удару.", "Military Forces of Israel"),
    ("uk", "Російські окупанти атакували місто.", "Military Forces of Russia"),
    ("ar", "قصف الجيش السوداني المدينة.", "Military Forces of Sudan"),
    ("ar", "هاجمت قوات الدعم السريع المدينة.", "Rapid Support Forces"),
    ("ar", "قصف الجيش الإسرائيلي المدينة.", "Military Forces of Israel"),
    ("ar", "قصف جيش الاحتلال المدينة.", "Military Forces of Israel"),
    ("ar", "أطلق حزب الله صواريخ.", "Hezbollah"),
    ("ar", "أطلقت جماعة أنصار الله صاروخا.", "Houthis"),
    ("ar", "أطلقت كتائب القسام صواريخ.", "Hamas"),
    ("ar", "أطلقت سرايا القدس صواريخ.", "Palestinian Islamic Jihad"),
    ("ar", "هاجم تنظيم داعش حاجزا.", "Islamic State"),
    ("ar", "قصفت قوات سوريا الديمقراطية القرية.", "Syrian Democratic Forces"),
    ("ar", "هاجمت هيئة تحرير الشام القرية.", "Hayat Tahrir al-Sham"),
    ("ar", "هاجمت فصائل الحشد الشعبي القرية.", "Popular Mobilization Forces"),
    ("ar", "هاجمت حركة الشباب قاعدة عسكرية.", "Al Shabaab"),
    ("ar", "قصف الجيش العراقي مواقع.", "Military Forces of Iraq"),
    ("ar", "قصف الجيش اللبناني مواقع.", "Military Forces of Lebanon"),
    ("ar", "قصفت القوات المسلحة السودانية مواقع.", "Military Forces of Sudan"),
    ("ar", "قصفت قوات حفتر مواقع.", "Libyan National Army"),
    ("ar", "هاجمت جماعة بوكو حرام قرية.", "Boko Haram"),
    ("ar", "قصف الجيش الليبي مواقع.", "Military Forces of Libya"),
    ("ar", "اعتقلت الشرطة المصرية ناشطين.", ("Police Forces of Egypt", "EG")),
    ("ar", "قصفت قوات الاحتلال الإسرائيلي المدينة.", "Military Forces of Israel"),
    ("ar", "قصف الجيش الروسي المدينة.", "Military Forces of Russia"),
    ("ar", "قصفت القوات الأوكرانية المدينة.", "Military Forces of Ukraine"),
    ("ar", "هاجم الجيش التشادي المدينة.", "Military Forces of Chad"),
    ("ar", "هاجمت مليشيا الدعم السريع المدينة.", "Rapid Support Forces"),
    ("ar", "هاجم عناصر تنظيم الدولة المدينة.", "Islamic State"),
    ("ar", "هاجم الجيش الصومالي المدينة.", "Military Forces of Somalia"),
    ("ar", "اعتقلت الشرطة العراقية ناشطين.", ("Police Forces of Iraq", "IQ")),
]


# unknown attackers, "the enemy", the coalition in Yemen, Colombia's dissidents
ACTORS += [
    ("es", "Desconocidos atacaron el pueblo.", "Unidentified Armed Group"),
    ("ru", "Неизвестные напали на село.", "Unidentified Armed Group"),
    ("uk", "Невідомі напали на село.", "Unidentified Armed Group"),
    ("ar", "هاجم مسلحون القرية.", "Unidentified Armed Group"),
    ("ar", "قصف العدو الإسرائيلي البلدة.", MIL + "Israel"),
    ("ru", "Киевский режим нанёс удар.", MIL + "Ukraine"),
    ("ar", "قصفت طائرات التحالف الذي تقوده السعودية المدينة.", MIL + "Saudi Arabia"),
    ("fr", "La coalition menée par l'Arabie saoudite a frappé.", MIL + "Saudi Arabia"),
    ("es", "Disidencias de las FARC atacaron una base.", "FARC Dissidents"),
]


def test_unknown_drones_are_no_unknown_attackers() -> None:
    found = find_actors("Неизвестные беспилотники атаковали склад.", rules=_rules("ru"))
    assert found == []


# days as ordinals, tolls after a dash
DATES += [
    ("ru", "В ночь на 9-е марта город обстреляли.", "2025-03-09"),
    ("ru", "9-го марта город обстреляли.", "2025-03-09"),
    ("uk", "9-го березня ворог атакував місто.", "2025-03-09"),
]
TOLLS += [
    ("ru", "Погибших — 12, раненых — 30.", (12, 30)),
    ("uk", "Загиблих — 12, поранених — 30.", (12, 30)),
]


# drones as targets and as carriers, air defence, bombings, armed aggression
DIS = "Disrupted weapons use"  # ACLED: an interception alone
CUES += [
    ("fr", "La ville a été la cible de drones.", AIR),
    ("fr", "La défense antiaérienne a abattu 20 drones.", DIS),
    ("es", "Un explosivo lanzado desde un dron hirió a dos policías.", AIR),
    ("es", "Un atentado con explosivos sacudió la ciudad.", IED),
    ("es", "Los militares repelieron una agresión armada.", AC),
    ("ar", "تصدت الدفاعات الجوية لمسيرات.", DIS),
    ("ru", "Массированная атака дронов обрушилась на город.", AIR),
    ("uk", "Росіяни атакували село КАБами.", AIR),
    ("uk", "Сили ППО збили 20 дронів.", DIS),
    ("uk", "Сили ППО збили дві ракети.", DIS),
    ("ar", "قصفت الدبابات الحي.", SH),
]


# a time of day before the date it is the time of
DATES += [
    ("ru", "Ночью в понедельник город обстреляли.", "2025-03-10"),
    ("uk", "Вночі проти вівторка ворог атакував місто.", "2025-03-11"),
]


@pytest.mark.parametrize(("lang", "sentence", "sub_type"), CUES)
def test_cue(lang: str, sentence: str, sub_type: str) -> None:
    rules = _rules(lang)
    text = _text(lang, sentence)
    cues = cue_matches(text, rules)
    idx = _rule_for(0, len(text), cues, rules) if cues else None  # a place the sentence spans
    got = rules.rules[idx].sub_type if idx is not None else None
    if sub_type == PR:
        assert got in _PROTESTS
    else:
        assert got == sub_type


@pytest.mark.parametrize(("lang", "sentence", "toll"), TOLLS)
def test_toll(lang: str, sentence: str, toll: tuple[int | None, int | None]) -> None:
    rules = _rules(lang)
    text = _text(lang, sentence)
    dates = find_dates(text, reference=REFERENCE, rules=rules)
    found: dict[str, int] = {}
    for c in count_casualties(text, rules=rules, dates=dates):
        if not c.cumulative:
            found.setdefault(c.kind, c.count)
    for kind in casualty_free(text, rules=rules):
        found.setdefault(kind, 0)
    assert (found.get("fatalities"), found.get("injured")) == toll


@pytest.mark.parametrize(("lang", "sentence", "day"), DATES)
def test_date(lang: str, sentence: str, day: str) -> None:
    rules = _rules(lang)
    found = [
        d for d in find_dates(_text(lang, sentence), reference=REFERENCE, rules=rules) if d.date
    ]
    assert found and str(found[0].date) == day


@pytest.mark.parametrize(("lang", "sentence", "actor"), ACTORS)
def test_actor(lang: str, sentence: str, actor: str | tuple[str, str]) -> None:
    name, country = actor if isinstance(actor, tuple) else (actor, None)
    found = find_actors(_text(lang, sentence), rules=_rules(lang), country=country)
    assert name in [m.actor.name for m in found]


# --------------------------------------------------------------------------- articles

#: One invented incident told in five languages, each in its press's own words.
ONE_INCIDENT = {
    "fr": "Une frappe de missile balistique russe a visé dans la nuit de lundi à mardi un "
    "quartier résidentiel de Poltava, faisant au moins cinq morts et une vingtaine de blessés, "
    "ont annoncé les autorités locales.",
    "es": "Al menos cinco personas murieron y otras 20 resultaron heridas en un ataque con "
    "misiles balísticos rusos contra un barrio residencial de la ciudad ucraniana de Poltava "
    "en la madrugada del martes, informaron las autoridades regionales.",
    "ru": "В ночь на вторник российская баллистическая ракета попала в пятиэтажный жилой дом "
    "в Полтаве. Погибли по меньшей мере пять человек, ещё 20 получили ранения.",
    "uk": "У ніч проти вівторка окупанти завдали ракетного удару по Полтаві. Загинули "
    "щонайменше п'ятеро людей, ще 20 дістали поранення.",
    "ar": "قتل خمسة أشخاص على الأقل وأصيب 20 آخرون بجروح فجر الثلاثاء في ضربة بصاروخ باليستي "
    "روسي استهدفت مبنى سكنيا في مدينة بولتافا وسط أوكرانيا.",
}


def test_one_incident_in_five_languages_is_one_event() -> None:
    import geopandas as gpd
    import pandas as pd

    import geo
    from geo.events.merge import link_events

    frames = []
    for lang, text in ONE_INCIDENT.items():
        frame = geo.extract_events(text, date="2025-03-12", lang=lang, doc_id=f"{lang}.txt")
        frame = frame[frame["event_type"] != "Mention"]
        assert len(frame) == 1, lang
        row = frame.iloc[0]
        assert (str(row["event_date"].date()), row["location"]) == ("2025-03-11", "Poltava")
        assert row["sub_event_type"] == SH
        assert (int(row["fatalities"]), int(row["injured"])) == (5, 20)
        assert row["actor1"] == MIL + "Russia"
        frames.append(frame)
    linked = link_events(gpd.GeoDataFrame(pd.concat(frames, ignore_index=True)))
    assert linked["merged_event_id"].nunique() == 1


def test_a_claim_in_the_next_sentence_names_the_attacker() -> None:
    import geo

    text = (
        "Au moins douze villageois ont été tués samedi dans une attaque contre un marché près "
        "de Ménaka. L'attaque a été revendiquée par l'État islamique au Sahel."
    )
    frame = geo.extract_events(text, date="2025-03-17", lang="fr")
    rows = frame[frame["event_type"] != "Mention"]
    assert rows["actor1"].tolist() == ["Islamic State Sahel Province"]


# abductions in every wording (mass abductions with counts), air strikes, bombardments and
# clashes of the Spanish and Ukrainian press
CUES += [
    ("en", "Gunmen seized 40 passengers from a bus on the highway.", ABD),
    ("en", "Bandits abducted dozens of worshippers from a church.", ABD),
    ("fr", "L'enlèvement d'une trentaine d'élèves a été signalé dans la nuit.", ABD),
    ("fr", "Des ravisseurs ont emmené quatre commerçants.", ABD),
    ("fr", "Le rapt de deux prêtres a choqué la population.", ABD),
    ("es", "Un comando armado levantó a cuatro jóvenes en un taller.", ABD),
    ("es", "Familiares denunciaron el levantón de dos hermanos.", ABD),
    ("es", "Hombres armados plagiaron a un comerciante.", ABD),
    ("es", "El secuestro masivo de 30 migrantes fue denunciado por la diócesis.", ABD),
    ("es", "Un bombardeo aéreo destruyó varias viviendas del barrio.", AIR),
    ("es", "Drones rusos atacaron una subestación eléctrica.", AIR),
    ("es", "Un ataque con drones dejó dos heridos.", AIR),
    ("es", "Un enfrentamiento armado dejó dos soldados muertos.", AC),
    ("es", "Los combates se intensificaron en las afueras.", AC),
    ("ru", "Боевики похитили более 50 пассажиров автобуса.", ABD),
    ("ru", "Похищение двух журналистов подтвердили власти.", ABD),
    ("ru", "Неизвестные увезли предпринимателя в неизвестном направлении.", ABD),
    ("uk", "Бойовики викрали понад 50 пасажирів автобуса.", ABD),
    ("uk", "Викрадення двох журналістів підтвердила поліція.", ABD),
    ("uk", "Росіяни завдали удару по селу.", SH),
    ("uk", "Внаслідок обстрілу пошкоджено будинок.", SH),
    ("uk", "Внаслідок влучання КАБ зруйновано будинок.", AIR),
    ("uk", "Зафіксовано влучання ракети в житловий будинок.", SH),
    ("uk", "Окупанти скинули на село три КАБи.", AIR),
    ("uk", "Тривають бої за село.", AC),
    ("ar", "خطف مسلحون عشرات التلاميذ من مدرستهم.", ABD),
    ("ar", "أقدم مجهولون على اختطاف ثلاثة تجار.", ABD),
]


# tolls in words
TOLLS += [
    ("es", "El ataque dejó tres muertos y siete heridos.", (3, 7)),
    ("es", "Murieron doce personas y quince resultaron heridas.", (12, 15)),
    ("uk", "Загинули троє людей, ще семеро поранені.", (3, 7)),
    ("uk", "Загинули двоє цивільних, ще п'ятеро дістали поранення.", (2, 5)),
]


def _events(text: str, lang: str) -> list[tuple[str, str, str, str | None]]:
    import geo

    frame = geo.extract_events(text, date="2025-03-12", lang=lang)
    rows = frame[frame["event_type"] != "Mention"]
    return [
        (r["location"], str(r["event_date"].date()), r["sub_event_type"], r["actor1"] or None)
        for _, r in rows.iterrows()
    ]


#: An incident dated (and its attacker named) in a sentence without a place, its places in the
#: next sentence: the places are the incident's, on its day.
CARRIED = [
    (
        "en",
        "Russian drones attacked the region on Sunday. Two people were wounded in Sumy.",
        ("Sumy", "2025-03-09"),
    ),
    (
        "fr",
        "Des drones russes ont frappé dimanche plusieurs localités. À Soumy, deux personnes ont "
        "été blessées.",
        ("Sumy", "2025-03-09"),
    ),
    (
        "es",
        "El pasado domingo, drones rusos atacaron varias localidades. En Sumy, dos personas "
        "resultaron heridas.",
        ("Sumy", "2025-03-09"),
    ),
    (
        "ru",
        "В ночь на 9 марта российские дроны атаковали несколько населённых пунктов. В Сумах "
        "ранены два человека.",
        ("Sumy", "2025-03-09"),
    ),
    (
        "uk",
        "У неділю російські дрони атакували кілька населених пунктів. У Сумах поранено двох людей.",
        ("Sumy", "2025-03-09"),
    ),
    (
        "ar",
        "شنت طائرات مسيرة روسية يوم الأحد هجمات على عدة بلدات. وفي سومي أصيب شخصان بجروح.",
        ("Sumy", "2025-03-09"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "place_day"), CARRIED)
def test_a_day_told_before_the_places_dates_them(
    lang: str, text: str, place_day: tuple[str, str]
) -> None:
    got = {(loc, day) for loc, day, _, _ in _events(text, lang)}
    assert place_day in got


#: A hyphenated or multi-word town in Cyrillic is the incident's place whole.
HYPHENATED = [
    (
        "ru",
        "Боевики атаковали военный лагерь в Комсомольске-на-Амуре во вторник.",
        "Komsomolsk-on-Amur",
    ),
    ("uk", "Окупанти обстріляли Ясинувату у вівторок.", "Yasynuvata"),
]


@pytest.mark.parametrize(("lang", "text", "place"), HYPHENATED)
def test_a_hyphenated_town_is_the_place(lang: str, text: str, place: str) -> None:
    assert place in {loc for loc, _, _, _ in _events(text, lang)}


# peaceful rallies and marches, abductions from homes
CUES += [
    ("uk", "Мирні акції пройшли в кількох містах країни.", PP),
    ("uk", "Кілька сотень людей пройшли ходою до будівлі адміністрації.", PP),
    ("ru", "Мирные акции прошли в нескольких городах страны.", PP),
    ("es", "Hombres armados sacaron de sus casas a tres campesinos.", ABD),
    ("es", "Se los llevaron a la fuerza delante de sus familias.", ABD),
]


#: A claim right after an armed group's name (its short name in brackets or an apposition
#: between commas may come between): the group did it.
CLAIMS = [
    ("en", "Al-Shabaab, the Somali militant group, claimed the bombing.", "Al Shabaab"),
    ("en", "The ELN claimed responsibility for the attack on the pipeline.", "ELN"),
    ("fr", "Les shebab, liés à Al-Qaïda, ont revendiqué l'attentat.", "Al Shabaab"),
    ("fr", "L'ELN, qui a revendiqué l'attaque, a libéré deux otages.", "ELN"),
    ("es", "El ELN reivindicó el atentado contra el oleoducto.", "ELN"),
    ("es", "Al Shabab, vinculado a Al Qaeda, se atribuyó el atentado.", "Al Shabaab"),
    ("ru", "«Аш-Шабаб» взяла на себя ответственность за взрыв.", "Al Shabaab"),
    ("uk", "Угруповання «Аш-Шабаб» взяло на себе відповідальність за вибух.", "Al Shabaab"),
    ("ar", "حركة الشباب تبنت الهجوم على القاعدة العسكرية.", "Al Shabaab"),
]


@pytest.mark.parametrize(("lang", "sentence", "actor"), CLAIMS)
def test_a_claim_after_a_group_names_the_attacker(lang: str, sentence: str, actor: str) -> None:
    found = find_actors(_text(lang, sentence), rules=_rules(lang))
    assert actor in [m.actor.name for m in found if m.agent]


def test_an_attack_no_one_claimed_takes_no_attacker_from_the_story() -> None:
    text = (
        "Le JNIM a revendiqué l'attaque menée dimanche contre un camp militaire à Gao. "
        "Mardi, un engin explosif a visé un convoi militaire près de Kidal. L'explosion n'a "
        "pas été revendiquée."
    )
    got = {loc: actor for loc, _, _, actor in _events(text, "fr")}
    assert got == {"Gao": "JNIM", "Kidal": None}


def test_a_claim_before_the_places_names_their_attacker() -> None:
    text = (
        "Al-Shabaab claimed the attacks carried out on Monday. Gunmen stormed a hotel in "
        "Kismayo, killing six people."
    )
    assert [(loc, actor) for loc, _, _, actor in _events(text, "en")] == [("Kismayo", "Al Shabaab")]


# shot by the soldiers' bullets; people gathered for aid are no protest
CUES += [
    ("ar", "استشهد خمسة مواطنين برصاص قوات الاحتلال قرب الحاجز.", ATT),
    ("ar", "تجمع مئات المواطنين أمام مقر المحافظة احتجاجا على انقطاع الكهرباء.", PP),
    ("ar", "تجمعوا أمام مبنى البلدية للمطالبة بالإفراج عن المعتقلين.", PP),
]


def test_people_gathered_for_aid_are_no_protest() -> None:
    rules = _rules("ar")
    text = _text("ar", "تجمعوا منذ الفجر عند مركز توزيع المساعدات.")
    assert not any(rules.rules[i].event_type == "Protests" for _, _, i in cue_matches(text, rules))


# blamed on, attributed to ("al": a + el)
CLAIMS += [
    ("es", "Las autoridades atribuyeron el atentado al ELN.", "ELN"),
    ("es", "El presidente responsabilizó del ataque en la vereda al ELN.", "ELN"),
    ("fr", "Le gouvernement a attribué l'attaque au JNIM.", "JNIM"),
]


def test_a_later_sentence_blaming_an_attack_at_its_place_names_the_attacker() -> None:
    text = (
        "Un dron cargado de explosivos atacó el jueves un caserío en zona "
        "rural de Segovia. El gobernador de Antioquia informó de ocho campesinos muertos. "
        "El presidente responsabilizó del ataque en Segovia al Clan del Golfo."
    )
    got = {loc: actor for loc, _, _, actor in _events(text, "es")}
    assert got.get("Segovia") == "Clan del Golfo"


# a vehicle "with gas cylinders full of explosives"
CUES += [
    ("es", "Un camión con cilindros llenos de explosivos estalló frente a la base.", IED),
    ("es", "Un cilindro bomba estalló junto a la estación de policía.", IED),
]


# "neutralised": the armies' word for enemies killed (not drones shot down)
TOLLS += [
    ("fr", "L'armée a affirmé avoir « neutralisé » quatorze assaillants.", (14, None)),
    ("fr", "Une dizaine de terroristes ont été neutralisés lors de l'opération.", (10, None)),
]


def test_adjectives_listed_before_a_plural_community_noun_are_its_towns() -> None:
    text = (
        "Дрони атакували у вівторок об'єкти у Бердичівській та Коростенській громадах, "
        "пошкоджено два будинки."
    )
    assert {loc for loc, _, _, _ in _events(text, "uk")} == {"Berdychiv", "Korosten"}


#: The kind of a community or district between its adjective and its noun ("городском
#: округе", "міській територіальній громаді").
QUALIFIED = [
    (
        "ru",
        "В понедельник беспилотник атаковал склад в Раменском городском округе, ранены два "
        "человека.",
        "Ramenskoye",
    ),
    ("uk", "У вівторок дрони атакували Коростенську міську територіальну громаду.", "Korosten"),
]


@pytest.mark.parametrize(("lang", "text", "place"), QUALIFIED)
def test_a_qualified_community_is_its_town(lang: str, text: str, place: str) -> None:
    assert place in {loc for loc, _, _, _ in _events(text, lang)}
