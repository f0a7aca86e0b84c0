#!/usr/bin/env python3
"""Generates the demo outlet's API (contract v1) into public/api/v1 and its images into public/img/demo.

Deterministic: the same script always writes the same files, so the output is committed and any
static host can serve it. Run from the repository root:  python3 tools/gen_demo_api.py
"""
import json, random, re, shutil, struct, zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "public" / "api" / "v1"
IMG = ROOT / "public" / "img" / "demo"
PER_SECTION = 24
PAGE_SIZE = 12
TZ = timezone(timedelta(hours=4))
NEWEST = datetime(2026, 11, 27, 21, 30, tzinfo=TZ)
LANGS = ["en", "ru", "hy", "az"]
ID_BASE = {"en": 1000, "ru": 2000, "hy": 3000, "az": 4000}
SECTIONS = ["politics", "economy", "society", "culture", "sport", "science", "world"]

SITE = {
    "name": "Highland Ledger",
    "default_language": "en",
    "logo": "img/demo/logo.png",
    "image": {"src": "img/demo/share.png", "width": 1200, "height": 630, "alt": "Highland Ledger"},
    "languages": [
        {"code": "en", "label": "EN", "name": "English"},
        {"code": "ru", "label": "RU", "name": "Русский"},
        {"code": "hy", "label": "ARM", "name": "Հայերեն"},
        {"code": "az", "label": "AZ", "name": "Azərbaycanca"},
    ],
    "social": [
        {"network": "twitter", "url": "https://twitter.com/highland_ledger_demo"},
        {"network": "youtube", "url": "https://www.youtube.com/@highland-ledger-demo"},
        {"network": "instagram", "url": "https://www.instagram.com/highland_ledger_demo"},
        {"network": "facebook", "url": "https://www.facebook.com/highland.ledger.demo"},
        {"network": "telegram", "url": "https://t.me/highland_ledger_demo"},
    ],
    "apps": [
        {"store": "app_store", "url": "https://apps.apple.com/app/id0000000000"},
        {"store": "google_play", "url": "https://play.google.com/store/apps/details?id=example.highland.ledger"},
    ],
}

T = {
 "en": {
  "titles": ["Politics", "Economy", "Society", "Culture", "Sport", "Science & Tech", "World"],
  "desc": ["Parliament, government and the parties: decisions that shape the region.",
           "Prices, jobs, companies and budgets, explained for households and business.",
           "Schools, health, housing and the lives of our neighbours.",
           "Theatre, music, books, film and the heritage of the highlands.",
           "Football, wrestling, chess and the athletes of the region.",
           "Research, start-ups, space and the technology we use every day.",
           "News from the neighbourhood and the rest of the world."],
  "footer": "Reuse of our material is permitted only with a hyperlink to Highland Ledger as the source. This is a demo outlet: every story is invented.",
  "topics": [["City council", "Parliament", "The cabinet", "Opposition parties", "Regional governors", "Election commission"],
             ["Fuel prices", "The central bank", "Small businesses", "Wine exporters", "The national budget", "Farm markets"],
             ["Public schools", "Mountain villages", "The health ministry", "Young families", "Volunteer groups", "Housing estates"],
             ["The opera house", "A folk ensemble", "The book fair", "Film festival", "Museum curators", "Street artists"],
             ["The national team", "Young wrestlers", "The chess olympiad", "Marathon runners", "The football league", "Ski resorts"],
             ["University labs", "A local start-up", "The observatory", "Seismologists", "Mobile operators", "Solar engineers"],
             ["Neighbouring capitals", "The UN assembly", "Border talks", "Global markets", "Climate negotiators", "Trade partners"]],
  "dev": ["new plan wins broad support", "debate runs late into the night", "what changes from next month",
          "five questions answered", "a year of surprises in figures", "critics ask for more time",
          "the decision explained", "residents react to the news"],
  "leads": ["Officials and experts weigh in on what the decision means for residents across the region.",
            "The announcement follows months of talks and a lively public debate.",
            "Here is what we know so far, and what is still to be decided.",
            "Numbers published this week paint a mixed picture.",
            "Supporters call it overdue; sceptics say the details matter more."],
  "sents": ["The proposal was presented on Tuesday morning after a closed meeting that lasted almost four hours.",
            "Several speakers stressed that the timetable is ambitious but realistic.",
            "Local organisations have asked for regular public reports on progress.",
            "According to preliminary estimates, the first results could be visible by spring.",
            "Not everyone is convinced: a group of residents has collected signatures against parts of the plan.",
            "The figures are in line with last year's trend, analysts said.",
            "A final vote is expected before the end of the month.",
            "Similar projects in neighbouring regions have produced mixed results."],
  "headings": ["What happens next", "The numbers behind it", "Voices from the street", "Background"],
  "quotes": ["We have waited for this for a long time, and now we have to get the details right.",
             "It is a step in the right direction, but only a step.",
             "Nobody should be left behind by this decision."],
  "cites": ["A member of the working group", "A local shop owner", None],
  "list": ["The plan starts on the first of next month", "A public hearing is scheduled", "Reports will be published every quarter", "Funding comes from the regional budget"],
  "bold": "Key point:", "italic": "as reported earlier", "link": "the full report", "mail": "write to the newsroom",
  "alt": "Illustration for the {s} section", "caption": "An illustration accompanying the story.", "credit": "Highland Ledger",
  "authors": ["Anna Petrosyan", "David Karimov", "Lilit Sargsyan", "Mark Ellis", "Nigar Aliyeva", "Sergei Volkov"],
 },
 "ru": {
  "titles": ["Политика", "Экономика", "Общество", "Культура", "Спорт", "Наука и технологии", "В мире"],
  "desc": ["Парламент, правительство и партии: решения, которые меняют регион.",
           "Цены, работа, компании и бюджеты — понятно для семьи и бизнеса.",
           "Школы, здоровье, жильё и жизнь наших соседей.",
           "Театр, музыка, книги, кино и наследие нагорья.",
           "Футбол, борьба, шахматы и спортсмены региона.",
           "Исследования, стартапы, космос и технологии на каждый день.",
           "Новости соседних стран и всего мира."],
  "footer": "Использование материалов допускается только с гиперссылкой на Highland Ledger как на источник. Это демонстрационное издание: все новости вымышлены.",
  "topics": [["Городской совет", "Парламент", "Кабинет министров", "Оппозиционные партии", "Губернаторы регионов", "Избирательная комиссия"],
             ["Цены на топливо", "Центральный банк", "Малый бизнес", "Экспортёры вина", "Государственный бюджет", "Сельские рынки"],
             ["Государственные школы", "Горные сёла", "Министерство здравоохранения", "Молодые семьи", "Волонтёры", "Жилые кварталы"],
             ["Оперный театр", "Фольклорный ансамбль", "Книжная ярмарка", "Кинофестиваль", "Кураторы музея", "Уличные художники"],
             ["Сборная страны", "Юные борцы", "Шахматная олимпиада", "Марафонцы", "Футбольная лига", "Горнолыжные курорты"],
             ["Университетские лаборатории", "Местный стартап", "Обсерватория", "Сейсмологи", "Мобильные операторы", "Солнечная энергетика"],
             ["Соседние столицы", "Генассамблея ООН", "Переговоры о границе", "Мировые рынки", "Климатические переговоры", "Торговые партнёры"]],
  "dev": ["новый план получил широкую поддержку", "споры затянулись до ночи", "что изменится со следующего месяца",
          "ответы на пять вопросов", "год сюрпризов в цифрах", "критики просят больше времени",
          "решение с пояснениями", "как жители встретили новость"],
  "leads": ["Чиновники и эксперты объясняют, что решение значит для жителей региона.",
            "Объявление последовало за несколькими месяцами переговоров и оживлённой дискуссии.",
            "Вот что известно на сегодня и что ещё предстоит решить.",
            "Опубликованные на этой неделе цифры рисуют неоднозначную картину.",
            "Сторонники говорят, что это давно назрело; скептики — что всё решат детали."],
  "sents": ["Предложение представили во вторник утром после закрытого совещания, которое длилось почти четыре часа.",
            "Несколько выступавших подчеркнули, что сроки амбициозны, но реалистичны.",
            "Местные организации попросили регулярно публиковать отчёты о ходе работ.",
            "По предварительным оценкам, первые результаты могут появиться уже весной.",
            "Убеждены не все: группа жителей собрала подписи против части плана.",
            "Цифры соответствуют прошлогодней тенденции, отмечают аналитики.",
            "Окончательное голосование ожидается до конца месяца.",
            "Похожие проекты в соседних регионах дали неоднозначные результаты."],
  "headings": ["Что дальше", "Цифры", "Голоса с улицы", "Предыстория"],
  "quotes": ["Мы долго этого ждали, и теперь важно не ошибиться в деталях.",
             "Это шаг в правильном направлении, но только шаг.",
             "Никто не должен остаться в стороне."],
  "cites": ["Член рабочей группы", "Владелец местного магазина", None],
  "list": ["План начинает действовать с первого числа следующего месяца", "Назначены общественные слушания", "Отчёты будут публиковаться раз в квартал", "Финансирование — из регионального бюджета"],
  "bold": "Главное:", "italic": "как сообщалось ранее", "link": "полный отчёт", "mail": "написать в редакцию",
  "alt": "Иллюстрация к разделу «{s}»", "caption": "Иллюстрация к материалу.", "credit": "Highland Ledger",
  "authors": ["Анна Петросян", "Давид Каримов", "Лилит Саргсян", "Марк Эллис", "Нигяр Алиева", "Сергей Волков"],
 },
 "hy": {
  "titles": ["Քաղաքականություն", "Տնտեսություն", "Հասարակություն", "Մշակույթ", "Սպորտ", "Գիտություն և տեխնոլոգիաներ", "Աշխարհ"],
  "desc": ["Խորհրդարանը, կառավարությունը և կուսակցությունները՝ որոշումներ, որոնք ձևավորում են տարածաշրջանը։",
           "Գներ, աշխատատեղեր, ընկերություններ և բյուջեներ՝ պարզ բացատրված։",
           "Դպրոցներ, առողջություն, բնակարաններ և մեր հարևանների կյանքը։",
           "Թատրոն, երաժշտություն, գրքեր, կինո և լեռնաշխարհի ժառանգությունը։",
           "Ֆուտբոլ, ըմբշամարտ, շախմատ և տարածաշրջանի մարզիկները։",
           "Հետազոտություններ, ստարտափներ, տիեզերք և առօրյա տեխնոլոգիաներ։",
           "Լուրեր հարևան երկրներից և ամբողջ աշխարհից։"],
  "footer": "Նյութերի օգտագործումը թույլատրվում է միայն Highland Ledger-ին հղումով՝ որպես աղբյուր։ Սա ցուցադրական կայք է․ բոլոր նյութերը հորինված են։",
  "topics": [["Ավագանին", "Խորհրդարանը", "Կառավարությունը", "Ընդդիմադիր կուսակցությունները", "Մարզպետները", "Ընտրական հանձնաժողովը"],
             ["Վառելիքի գները", "Կենտրոնական բանկը", "Փոքր բիզնեսը", "Գինու արտահանողները", "Պետական բյուջեն", "Գյուղական շուկաները"],
             ["Պետական դպրոցները", "Լեռնային գյուղերը", "Առողջապահության նախարարությունը", "Երիտասարդ ընտանիքները", "Կամավորները", "Բնակելի թաղամասերը"],
             ["Օպերային թատրոնը", "Ժողովրդական համույթը", "Գրքի տոնավաճառը", "Կինոփառատոնը", "Թանգարանի համադրողները", "Փողոցային նկարիչները"],
             ["Ազգային հավաքականը", "Երիտասարդ ըմբիշները", "Շախմատային օլիմպիադան", "Մարաթոնականները", "Ֆուտբոլի լիգան", "Լեռնադահուկային հանգստավայրերը"],
             ["Համալսարանական լաբորատորիաները", "Տեղական ստարտափը", "Աստղադիտարանը", "Սեյսմոլոգները", "Բջջային օպերատորները", "Արևային էներգետիկան"],
             ["Հարևան մայրաքաղաքները", "ՄԱԿ-ի Գլխավոր ասամբլեան", "Սահմանային բանակցությունները", "Համաշխարհային շուկաները", "Կլիմայական բանակցությունները", "Առևտրային գործընկերները"]],
  "dev": ["նոր ծրագիրը լայն աջակցություն ստացավ", "քննարկումը ձգվեց մինչև ուշ գիշեր", "ինչ կփոխվի հաջորդ ամսից",
          "պատասխաններ հինգ հարցի", "անակնկալների տարի՝ թվերով", "քննադատները ավելի շատ ժամանակ են խնդրում",
          "որոշումը՝ բացատրությամբ", "ինչպես արձագանքեցին բնակիչները"],
  "leads": ["Պաշտոնյաներն ու փորձագետները բացատրում են, թե ինչ է նշանակում որոշումը տարածաշրջանի բնակիչների համար։",
            "Հայտարարությանը նախորդել են ամիսներ տևած բանակցություններ և աշխույժ հանրային քննարկում։",
            "Ահա թե ինչ է հայտնի այս պահին, և ինչ դեռ պետք է որոշվի։",
            "Այս շաբաթ հրապարակված թվերը հակասական պատկեր են ներկայացնում։",
            "Կողմնակիցներն ասում են՝ վաղուց էր պետք, թերահավատները՝ ամեն ինչ կախված է մանրամասներից։"],
  "sents": ["Առաջարկը ներկայացվեց երեքշաբթի առավոտյան՝ գրեթե չորս ժամ տևած փակ նիստից հետո։",
            "Մի քանի ելույթ ունեցողներ ընդգծեցին, որ ժամկետները հավակնոտ են, բայց իրատեսական։",
            "Տեղական կազմակերպությունները խնդրել են պարբերաբար հրապարակել առաջընթացի մասին հաշվետվություններ։",
            "Նախնական գնահատականներով՝ առաջին արդյունքները կարող են տեսանելի լինել արդեն գարնանը։",
            "Համոզված չեն բոլորը․ բնակիչների մի խումբ ստորագրություններ է հավաքել ծրագրի մի մասի դեմ։",
            "Թվերը համապատասխանում են անցյալ տարվա միտմանը, նշում են վերլուծաբանները։",
            "Վերջնական քվեարկությունը սպասվում է մինչև ամսվա վերջ։",
            "Հարևան մարզերում նմանատիպ ծրագրերը տվել են տարբեր արդյունքներ։"],
  "headings": ["Ինչ է լինելու հետո", "Թվերը", "Ձայներ փողոցից", "Նախապատմություն"],
  "quotes": ["Երկար ենք սպասել դրան, և հիմա կարևոր է չսխալվել մանրամասներում։",
             "Սա քայլ է ճիշտ ուղղությամբ, բայց ընդամենը քայլ։",
             "Ոչ ոք չպետք է դուրս մնա այս որոշումից։"],
  "cites": ["Աշխատանքային խմբի անդամ", "Տեղական խանութի սեփականատեր", None],
  "list": ["Ծրագիրը մեկնարկում է հաջորդ ամսվա առաջին օրը", "Նախատեսված են հանրային լսումներ", "Հաշվետվությունները կհրապարակվեն եռամսյակը մեկ", "Ֆինանսավորումը՝ մարզային բյուջեից"],
  "bold": "Գլխավորը՝", "italic": "ինչպես հաղորդել էինք", "link": "ամբողջական զեկույցը", "mail": "գրել խմբագրությանը",
  "alt": "Նկարազարդում «{s}» բաժնի համար", "caption": "Նյութին կից նկարազարդում։", "credit": "Highland Ledger",
  "authors": ["Աննա Պետրոսյան", "Դավիթ Քարիմով", "Լիլիթ Սարգսյան", "Մարկ Էլիս", "Նիգյար Ալիևա", "Սերգեյ Վոլկով"],
 },
 "az": {
  "titles": ["Siyasət", "İqtisadiyyat", "Cəmiyyət", "Mədəniyyət", "İdman", "Elm və texnologiya", "Dünya"],
  "desc": ["Parlament, hökumət və partiyalar: regionu formalaşdıran qərarlar.",
           "Qiymətlər, iş yerləri, şirkətlər və büdcələr — ailə və biznes üçün aydın izah.",
           "Məktəblər, səhiyyə, mənzil və qonşularımızın həyatı.",
           "Teatr, musiqi, kitablar, kino və dağlıq bölgənin irsi.",
           "Futbol, güləş, şahmat və regionun idmançıları.",
           "Tədqiqatlar, startaplar, kosmos və gündəlik texnologiyalar.",
           "Qonşu ölkələrdən və bütün dünyadan xəbərlər."],
  "footer": "Materiallardan istifadə yalnız mənbə kimi Highland Ledger-ə hiperlink verməklə mümkündür. Bu nümayiş saytıdır: bütün xəbərlər uydurmadır.",
  "topics": [["Şəhər şurası", "Parlament", "Nazirlər Kabineti", "Müxalifət partiyaları", "Regional icra başçıları", "Seçki komissiyası"],
             ["Yanacaq qiymətləri", "Mərkəzi bank", "Kiçik biznes", "Şərab ixracatçıları", "Dövlət büdcəsi", "Kənd bazarları"],
             ["Dövlət məktəbləri", "Dağ kəndləri", "Səhiyyə Nazirliyi", "Gənc ailələr", "Könüllülər", "Yaşayış məhəllələri"],
             ["Opera teatrı", "Xalq ansamblı", "Kitab sərgisi", "Kino festivalı", "Muzey kuratorları", "Küçə rəssamları"],
             ["Milli komanda", "Gənc güləşçilər", "Şahmat olimpiadası", "Marafonçular", "Futbol liqası", "Xizək kurortları"],
             ["Universitet laboratoriyaları", "Yerli startap", "Rəsədxana", "Seysmoloqlar", "Mobil operatorlar", "Günəş enerjisi"],
             ["Qonşu paytaxtlar", "BMT Baş Assambleyası", "Sərhəd danışıqları", "Dünya bazarları", "İqlim danışıqları", "Ticarət tərəfdaşları"]],
  "dev": ["yeni plan geniş dəstək qazandı", "müzakirələr gecəyədək uzandı", "gələn aydan nə dəyişəcək",
          "beş suala cavab", "rəqəmlərlə sürprizlər ili", "tənqidçilər daha çox vaxt istəyir",
          "qərarın izahı", "sakinlər xəbərə necə reaksiya verdi"],
  "leads": ["Rəsmilər və ekspertlər qərarın region sakinləri üçün nə demək olduğunu izah edirlər.",
            "Açıqlamadan əvvəl aylarla danışıqlar və canlı ictimai müzakirə aparılıb.",
            "Hazırda bilinənlər və hələ həll olunmalı məsələlər bunlardır.",
            "Bu həftə açıqlanan rəqəmlər ziddiyyətli mənzərə yaradır.",
            "Tərəfdarlar bunun çoxdan vacib olduğunu deyir, skeptiklər isə hər şeyin detallardan asılı olduğunu."],
  "sents": ["Təklif çərşənbə axşamı səhər, təxminən dörd saat davam edən qapalı iclasdan sonra təqdim olunub.",
            "Bir neçə natiq vaxt cədvəlinin iddialı, lakin real olduğunu vurğulayıb.",
            "Yerli təşkilatlar iş barədə müntəzəm hesabatların dərc edilməsini xahiş ediblər.",
            "İlkin hesablamalara görə, ilk nəticələr artıq yazda görünə bilər.",
            "Hamı razı deyil: bir qrup sakin planın bir hissəsinə qarşı imza toplayıb.",
            "Analitiklərin sözlərinə görə, rəqəmlər ötən ilin tendensiyasına uyğundur.",
            "Yekun səsverməsinin ayın sonunadək keçirilməsi gözlənilir.",
            "Qonşu regionlarda oxşar layihələr müxtəlif nəticələr verib."],
  "headings": ["Bundan sonra nə olacaq", "Rəqəmlər", "Küçədən səslər", "Arxa plan"],
  "quotes": ["Bunu çoxdan gözləyirdik, indi isə detallarda səhv etməmək vacibdir.",
             "Bu, düzgün istiqamətdə atılan addımdır, amma sadəcə bir addım.",
             "Bu qərardan heç kim kənarda qalmamalıdır."],
  "cites": ["İşçi qrupun üzvü", "Yerli mağaza sahibi", None],
  "list": ["Plan gələn ayın birindən qüvvəyə minir", "İctimai dinləmələr planlaşdırılıb", "Hesabatlar hər rüb dərc olunacaq", "Maliyyələşmə regional büdcədəndir"],
  "bold": "Əsas məsələ:", "italic": "əvvəl xəbər verdiyimiz kimi", "link": "tam hesabat", "mail": "redaksiyaya yazın",
  "alt": "“{s}” bölməsi üçün illüstrasiya", "caption": "Xəbərə əlavə olunmuş illüstrasiya.", "credit": "Highland Ledger",
  "authors": ["Anna Petrosyan", "Davud Kərimov", "Lilit Sarkisyan", "Mark Ellis", "Nigar Əliyeva", "Sergey Volkov"],
 },
}

COLORS = [("#1d4e89", "#4f9bd9"), ("#7a2e1f", "#e07a5f"), ("#2d6a4f", "#95d5b2"), ("#5a189a", "#c77dff"),
          ("#8a5a00", "#f4a261"), ("#264653", "#2a9d8f"), ("#3d405b", "#81b29a")]


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def make_images():
    IMG.mkdir(parents=True, exist_ok=True)
    for i, (a, b) in enumerate(COLORS):
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">'
               f'<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{a}"/>'
               f'<stop offset="1" stop-color="{b}"/></linearGradient></defs><rect width="1200" height="675" fill="url(#g)"/>'
               f'<path d="M0 520 L{220 + i * 40} {300 - i * 10} L{480 + i * 20} 470 L{760 - i * 15} {250 + i * 12} L1200 500 L1200 675 L0 675Z" fill="#fff" fill-opacity=".18"/>'
               f'<circle cx="{900 - i * 60}" cy="{150 + i * 8}" r="{60 + i * 6}" fill="#fff" fill-opacity=".25"/></svg>\n')
        (IMG / f"section-{i}.svg").write_text(svg, encoding="utf-8")


def png(path, width, height, pixel):
    """A PNG (8-bit RGB) whose pixel at (x, y) is pixel(x, y): the outlet's raster logo and preview
    picture, which link previews and search engines want where they take no SVG."""
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def make_brand_images():
    png(IMG / "logo.png", 600, 60, lambda x, y: (0xb0, 0x1e, 0x2d) if x < 60 else (0xff, 0xff, 0xff))
    png(IMG / "share.png", 1200, 630, lambda x, y: (0x1d + x * 0x32 // 1200, 0x4e + y * 0x4d // 630, 0x89 + x * 0x50 // 1200))


def build():
    if API.exists():
        shutil.rmtree(API)
    make_images()
    make_brand_images()
    write(API / "site.json", SITE)
    rng = random.Random(20261128)
    n = PER_SECTION * len(SECTIONS)
    # Story-level facts shared by every language: section, time, views, shape of the body.
    stories = []
    for k in range(n):
        sec = k % len(SECTIONS)
        when = NEWEST - timedelta(minutes=157 * k)
        stories.append({
            "sec": sec, "topic": rng.randrange(6), "dev": rng.randrange(8), "lead": rng.randrange(5),
            "when": when, "views": int(rng.paretovariate(1.2) * 900) % 2_500_000,
            "updated": when + timedelta(minutes=rng.randrange(20, 300)) if k % 4 == 1 else None,
            "image": k % 5 != 3, "author": rng.randrange(6) if k % 6 != 5 else None,
            "seed": rng.randrange(1 << 30), "translated": k % 3 == 0,
        })
    for lang in LANGS:
        t = T[lang]
        sections = [{"slug": s, "title": t["titles"][i], "description": t["desc"][i]} for i, s in enumerate(SECTIONS)]
        write(API / lang / "edition.json", {"sections": sections, "footer_notice": t["footer"]})
        summaries = []
        for k, st in enumerate(stories):
            en = T["en"]
            en_title = f'{en["topics"][st["sec"]][st["topic"]]}: {en["dev"][st["dev"]]}'
            title = f'{t["topics"][st["sec"]][st["topic"]]}: {t["dev"][st["dev"]]}'
            image = None
            if st["image"]:
                image = {"src": f"img/demo/section-{st['sec']}.svg", "alt": t["alt"].format(s=t["titles"][st["sec"]]),
                         "width": 1200, "height": 675}
                if k % 2 == 0:
                    image["caption"] = t["caption"]
                    image["credit"] = t["credit"]
            summaries.append({
                "id": str(ID_BASE[lang] + k), "slug": f"{slugify(en_title)}-{k}", "section": SECTIONS[st["sec"]],
                "title": title, "lead": t["leads"][st["lead"]], "published_at": st["when"].isoformat(),
                "views": st["views"], "image": image,
            })
        for k, (st, summary) in enumerate(zip(stories, summaries)):
            write(API / lang / "articles" / f"{summary['id']}.json", article(lang, k, st, summary, summaries, stories))
        write_feeds(lang, "latest", summaries)
        for slug in SECTIONS:
            write_feeds(lang, slug, [s for s in summaries if s["section"] == slug])
        write(API / lang / "most-read.json", {"items": sorted(summaries, key=lambda s: -s["views"])[:10]})
        write(API / lang / "search-index.json", {"items": summaries})


def write_feeds(lang, feed, items):
    pages = max(1, -(-len(items) // PAGE_SIZE))
    for p in range(1, pages + 1):
        write(API / lang / "feeds" / feed / f"{p}.json",
              {"page": p, "total_pages": pages, "items": items[(p - 1) * PAGE_SIZE:p * PAGE_SIZE]})


# A line some stories carry in their body only (never in a title or lead), with letters search
# must fold: Azerbaijani ə and ı (which Unicode does not decompose), Cyrillic Ё, Armenian capitals.
DATELINE = {
    "en": "Our correspondent filed this from Şəki and Bakı, where the Ёлочный fair opens on Friday.",
    "ru": "Корреспондент передаёт из Шеки: ярмарка «Ёлочный базар» откроется в пятницу.",
    "hy": "Թղթակիցը հաղորդում է Դիլիջանից, որտեղ ուրբաթ օրը կբացվի ձմեռային տոնավաճառը։",
    "az": "Müxbirimiz Şəki və Bakı şəhərlərindən xəbər verir: yarmarka cümə günü açılır.",
}


def article(lang, k, st, summary, summaries, stories):
    t = T[lang]
    rng = random.Random(st["seed"])
    sents = t["sents"][:]
    rng.shuffle(sents)
    other = summaries[(k + 7) % len(summaries)]
    site_link = f"/{lang}/{other['section']}/{other['id']}/{other['slug']}"
    body = [
        {"type": "paragraph", "content": [{"text": t["bold"] + " ", "bold": True}, {"text": sents[0] + " " + sents[1]}]},
        {"type": "paragraph", "content": [{"text": sents[2] + " ("}, {"text": t["italic"], "italic": True},
                                          {"text": "). "}, {"text": t["link"], "href": "https://example.org/reports/2026"},
                                          {"text": "."}]},
        {"type": "heading", "level": 2, "text": t["headings"][k % 4]},
        {"type": "paragraph", "content": [{"text": sents[3] + " " + sents[4]}]},
    ]
    cite = t["cites"][k % 3]
    quote = {"type": "quote", "content": [{"text": t["quotes"][k % 3]}]}
    if cite:
        quote["cite"] = cite
    body.append(quote)
    if k % 2 == 0:
        img = {"type": "image", "src": f"img/demo/section-{(st['sec'] + 3) % 7}.svg",
               "alt": t["alt"].format(s=t["titles"][(st["sec"] + 3) % 7]), "width": 1200, "height": 675}
        if k % 4 == 0:
            img["caption"] = t["caption"]
            img["credit"] = t["credit"]
        body.append(img)
    if k % 3 != 2:
        body.append({"type": "heading", "level": 3, "text": t["headings"][(k + 1) % 4]})
        body.append({"type": "list", "ordered": k % 2 == 1, "items": [[{"text": x}] for x in t["list"][: 3 + k % 2]]})
    if k % 10 == 7:
        body.append({"type": "embed", "provider": "video", "url": "https://example.org/v/1"})
    body.append({"type": "paragraph", "content": [{"text": sents[5] + " " + sents[6] + " "},
                                                  {"text": t["mail"], "href": "mailto:desk@highland-ledger.example"},
                                                  {"text": " · "}, {"text": other["title"], "href": site_link}]})
    if k % 11 == 4:
        body.append({"type": "paragraph", "content": [{"text": DATELINE[lang]}]})
    same = [s for s in summaries if s["section"] == summary["section"] and s["id"] != summary["id"]]
    related = same[(k // 7) % len(same):][:3]
    translations = {}
    if st["translated"]:
        # The same story in the other languages, with its address there (the same section and slug).
        translations = {l: {"id": str(ID_BASE[l] + k), "section": summary["section"], "slug": summary["slug"]}
                        for l in LANGS if l != lang}
    out = dict(summary)
    out.update({
        "updated_at": st["updated"].isoformat() if st["updated"] else None,
        "author": {"name": t["authors"][st["author"]]} if st["author"] is not None else None,
        "body": body, "tags": [t["titles"][st["sec"]]], "related": related, "translations": translations,
    })
    return out


if __name__ == "__main__":
    build()
    print(f"wrote {sum(1 for _ in API.rglob('*.json'))} JSON files to {API.relative_to(ROOT)}")
