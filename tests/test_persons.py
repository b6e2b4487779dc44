"""Persons: unseen names found by evidence, whole names (not cut), and no junk persons.

Regression tables per class of issue 14 (each with negative cases). Sentences are written for
these tests; ``no_persons`` leaves out the curated person lists, so a name must come from a rule.
"""

from __future__ import annotations

import pytest

from khabar import Pipeline


@pytest.fixture(scope="module")
def no_persons():
    return Pipeline(builtin_persons=False, use_env=False)


def persons(pipeline, text):
    return {r["text"] for r in pipeline.extract(text) if r["type"] == "entity" and r["label"] == "PER"}


# على written علي: the text writes ى elsewhere (وسيطر على), so علي may be the name Ali.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("وسيطر على الكرة. وأكد اللاعب علي تطلعه للعمل مع الفريق.", set()),  # a noun with a pronoun
        ("وسيطر على الكرة. ثم ردت علي قائلة إنها تعرف الحل.", set()),  # a participle
        ("وسيطر على الكرة. وشدد علي أهمية الاستقرار في المنطقة.", set()),  # a common noun
        ("وسيطر على الكرة. ونفى المتحدث ما نقل علي لسانه.", set()),
        ("وسيطر على الكرة. وقال علي في بيان إنه علم بالخبر.", {"علي"}),  # a function word after it
        ("وسيطر على الكرة. وقال الأمير علي في بيان إنه يرفض القرار.", {"علي"}),
        ("وسيطر على الكرة. وأعلن علي أنه لن يترشح.", {"علي"}),
        # a definite word after علي: the name after a speech verb that does not govern على, or
        # before a family nisba; على after أكد/شدد or before a common noun
        ("وسيطر على الكرة. وقال علي القرناوي إن الفريق جاهز.", {"علي القرناوي"}),
        ("وسيطر على الكرة. وكان الطبيب علي الطايفي قد أنهى عمله.", {"علي الطايفي"}),
        ("وسيطر على الكرة. وأكد علي الالتزام بالاتفاق.", set()),
        ("وسيطر على الكرة. ومضى علي الطريق نفسه.", set()),
    ],
)
def test_ali_or_the_preposition_ala(no_persons, text, expected):
    assert persons(no_persons, text) == expected


# A family name with the article that is also a common word (الحربي military, الذهب gold).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("ودافع المتحدث الرسمي للجامعة الدكتور محمود الحربي عن إدارته.", "محمود الحربي"),
        ("من جهته قال عبدالرحمن الصانع نائب رئيس اللجنة إن الوضع جيد.", "عبدالرحمن الصانع"),
        ("أما المواطن يحيى العبيد فقد أشار إلى أنه ينقل بسيارته.", "يحيى العبيد"),
        ("توفي الرئيس السوداني الأسبق، عبدالرحمن سوار الذهب، الخميس، في الخرطوم.", "عبدالرحمن سوار الذهب"),
        ("وأعلن الحزب سقوط عباس حسين من بلدة مركبا، ومحمد مصطفى قانصو من بلدة الدوير.", "محمد مصطفى قانصو"),
        ('ويقول محمد القصير: "لقد استبشرنا خيرا".', "محمد القصير"),  # a speech verb; القصير a town too
    ],
)
def test_whole_names_with_common_word_surnames(no_persons, text, expected):
    assert expected in persons(no_persons, text)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("وهو ما أثار حفيظة الجمهور في المدرجات.", "حفيظة الجمهور"),  # a noun and its complement
        ("ودعا المصلون أن يديم الله نعمة الخير على البلاد.", "نعمة الخير"),
        ("وقال الرئيس محمد الخامس إن البلاد مستقرة.", "محمد الخامس إن"),
        ("وقال الرئيس السابق إن البلاد مستقرة.", "السابق"),
    ],
)
def test_common_al_words_do_not_extend_names(no_persons, text, absent):
    assert absent not in persons(no_persons, text)


# A name ends where the predicate or a conjunction starts; the full names stay whole.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("وحده الرئيس جاك شيراك شذ عن هذه القاعدة.", "جاك شيراك"),  # a listed full name, then a verb
        ("وأجريت محاولات مع الرئيس شيراك لثنيه عن قراره.", "شيراك"),
        ("وتعرض المهاجم للعرقلة من الحارس شوفكوفسكيي فاحتسب الحكم ركلة جزاء.", "شوفكوفسكيي"),  # ف + a verb
        ("ويقدم البرنامج مذيع جديد. وقدمت الفنانة مها أحمد برنامجا بعنوان «مع نور».", "مها أحمد"),
        ("قال الناطق باسم الخارجية شون مكورماك إن الاتفاق قريب.", "شون مكورماك"),  # شون alone is no full name
        ("ودعا الوزير سامي العلي لإبداء الملاحظات على الخطة.", "سامي العلي"),  # ل + a verbal noun
        ("قال أليكس فيشمان المعلق العسكري لصحيفة يديعوت إن الحرب قريبة.", "أليكس فيشمان"),
        # after a nasab (X بن Y) an unlisted nisba is the family name
        ("وكان في استقباله الأستاذ محمد بن سالم البقيصي ورئيس المركز.", "محمد بن سالم البقيصي"),
        # a listed surname that is a common noun ends a nasab of two given names before a role noun,
        # not an ordinal, a post or a relation (صلاح أول لاعب، نواز شريف منصب رئيس الوزراء)
        ("ولفت الدكتور حسن محمد سفر أستاذ السياسة الشرعية إلى أن الخطبة مهمة.", "حسن محمد سفر"),
        ("وأصبح محمد صلاح أول لاعب عربي يفوز بالجائزة.", "محمد صلاح"),
        # a given name that is also a title opens a nasab (مساعد، تركي), a listed compound name is
        # one name word (ضيف الله)
        ("ابن عم الفقيد الأستاذ مساعد بن ضيف الله الجابري قدم التعازي.", "مساعد بن ضيف الله الجابري"),
        ("وأوضح المتحدث الرسمي مساعد غالي العنزي أن الفرق باشرت الحادث.", "مساعد غالي العنزي"),
        # a listed given name that is a common word too opens the nasab after it (حمد: "praise")
        ("وأكد المدير العام للتعليم بالإنابة حمد بن عبدالله الشنيبر أن الاستعدادات مكتملة.", "حمد بن عبدالله الشنيبر"),
        # a hyphen with no space joins a name's parts (not a byline's: البرقاوي-سبق-الرياض)
        ("وقال مون جيه-إن إنه متأكد من التزام الزعيم.", "مون جيه-إن"),
        ("وقالت مارتينا ستيفس-غريدنيف إن المحادثات جيدة.", "مارتينا ستيفس-غريدنيف"),
        ("الرياض - عبدالله البرقاوي-سبق-الرياض: أعلنت الوزارة أن الدوام يبدأ غدا.", "عبدالله البرقاوي"),
        # after a title, a first name shaped like an accusative (جوشوا) with an unknown surname
        ("كشف الباحث الأمني جوشوا دريك عما أسماه نظام قرصنة.", "جوشوا دريك"),
        # a Latin initial between a given name and the surname (not أم "or" in نعمة أم نقمة)
        ("وقال ديفيد جيه ريدل إن الأمر خطير.", "ديفيد جيه ريدل"),
        ("وقال جون إف كينيدي إن الأمر خطير.", "جون إف كينيدي"),
        # a Western surname that starts with و (the lexicon lists it: no conjunction, no town ود)
        ("وقال روبرت واتس إن الأمر خطير.", "روبرت واتس"),
        ("وقال روبرت وود إن الأمر خطير.", "روبرت وود"),
        # an unlisted Wo-/Wi- surname after a listed given name that is no common word
        ("وقال تشارلز وودبيرن إن الأمر خطير.", "تشارلز وودبيرن"),
        # two words no list knows set off by commas after a title (a listed given name or not)
        ("وقال السفير الفرنسي، فيليب لاليو، إن العلاقات جيدة.", "فيليب لاليو"),
        ("وقالت ستيفاني ويلكينسون إن الأمر خطير.", "ستيفاني ويلكينسون"),
        # a surname in م…ا longer than any participle (مستفعلا has seven letters) is no مضيفا
        ("وقالت تاتيانا موسكالكوفا، مفوضة حقوق الإنسان، إن السجناء بخير.", "تاتيانا موسكالكوفا"),
        ("وينتظر مايو وسالفيني الآن الرئيس سيرجيو ماتاريللا للتصديق على اختيارهما.", "سيرجيو ماتاريللا"),
    ],
)
def test_names_end_before_the_predicate(pipeline, text, expected):
    found = persons(pipeline, text)
    assert expected in found and not any(p.startswith(expected + " ") for p in found)


# A relation with an attached pronoun (his counterpart, compatriot, wife …) before an unseen name.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("وشارك الإسباني دانيال سوردو ومواطنه كزافييه بونز في السباق.", {"دانيال سوردو", "كزافييه بونز"}),
        ("واتهمه بممارسة الضغوط على نظيره الروماني تارايان باسيسكو في الاجتماع.", {"تارايان باسيسكو"}),
        ("وأعلن رجل الأعمال وزوجته بريشيلا تشان أنهما ينتظران مولودا.", {"بريشيلا تشان"}),
        ("ونفذ الركلة الاختصاصي مواطنه جونينيو فتابعها المهاجم.", {"جونينيو"}),
        ("وأطلق ثلاث طلقات صوب زوجته نتج عنها إصابة متوسطة.", set()),  # a verb, no name
        ("وقالت إن زوجها السابق بتمرير سيارة فوق قدمها أصابها.", set()),  # ب + a noun
        ("واتصل رئيس نادي الاتحاد لنظيره الهلالي للاطمئنان على الفريق.", set()),  # a club's adjective
        ("وقال نظيره إن الاجتماع كان مثمرا.", set()),
    ],
)
def test_unseen_names_after_a_relation(no_persons, text, expected):
    assert persons(no_persons, text) == expected


# Junk persons: a plural participle as the subject of a speech verb, مني (from me) written like منى.
@pytest.mark.parametrize(
    "text, absent",
    [
        ("وأكد مختصون في القطاع السياحي أن الموسم واعد.", "مختصون"),
        ("هل هي نعمة أم نقمة على الناس.", "نعمة أم نقمة"),  # أم "or", no initial
        ("وهو قاض نزيه ومستقل في عمله.", "نزيه ومستقل"),  # two adjectives, no name
        ("وقال المدعي العام في مدينة كشمار إن المتهم اعترف.", "كشمار"),  # the town after مدينة
        ("وقال أمين منطقة عسير صالح بن عبدالله إن المشاريع مستمرة.", "عسير صالح بن عبدالله"),
        ("وقال أستاذ علم الاجتماع محمد العمري إن الأمر خطير.", "علم الاجتماع"),  # a professor's field
        ("وقال محللون إن الأسعار سترتفع.", "محللون"),
        ("وقالت إن الرجل سرق مني صحتي وراحتي، على حد قولها.", "مني صحتي"),
    ],
)
def test_no_junk_persons_from_plurals_and_prepositions(pipeline, text, absent):
    assert absent not in persons(pipeline, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وقالت منى زكي إن الفيلم جاهز، على حد قولها.", "منى زكي"),  # منى written with ى
        ("ووقعت الحكومة مع الحركة بزعامة مني مناوي اتفاقا، على حد قوله.", "مني مناوي"),  # a listed name follows
    ],
)
def test_mona_and_minni_stay_names(pipeline, text, expected):
    assert expected in persons(pipeline, text)


# Bylines: the reporter's name at the head of a line, with the dateline place or a writing verb.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("الخرطوم ـ عبدالواحد لبيني ـ نيويورك ـ وكالات : أعلن الرئيس الاتفاق.", {"عبدالواحد لبيني"}),
        ("وانتهى الاجتماع.\nكتب ـ خليفة أدهم : وقعت الوزيرة الاتفاق.", {"خليفة أدهم"}),
        ("وانتهى الاجتماع.\nغزة ـ من أشرف أبوالهول : أعلنت الحكومة الاتفاق.", {"أشرف أبوالهول"}),
        ("محمد أبو شعر- الموقع- متابعة: كشف المدير عن الخطة.", {"محمد أبو شعر"}),
        ("الرياض - واس\nأعلنت الوزارة الخطة.", set()),  # an agency, no name
        ("وانتهى الاجتماع.\nالخرطوم ـ وكالات : أعلنت الحكومة الاتفاق.", set()),
    ],
)
def test_byline_names(no_persons, text, expected):
    assert persons(no_persons, text) == expected


# Words that follow a title or a speech verb but are no names: ف + a verb, ك + the article + a noun,
# a participle in ة, "one of".
@pytest.mark.parametrize(
    "text, absent",
    [
        ("وقالت إنه إذا اختار الرئيس السوداني التعاون فسيجد شريكا متفانيا.", "فسيجد"),
        ("وحلت آراء المذيعة الألمانية كالصاعقة على البلد.", "كالصاعقة"),
        ("وقالت إن المشاهد قد تعتبر مسيئة للرسول.", "مسيئة"),
        ("والتقى البشير زعيم أحد الأجنحة المتمردة في دارفور.", "أحد"),
        # a body's name after a title (the head of the body), and و + وادي / أدى read as a given name
        ("وأوضح رئيس ديوان المظالم الشيخ خالد بن محمد اليوسف أن الأمر صدر.", "ديوان المظالم"),
        ("وقال محافظ وادي الدواسر أحمد بن دخيل إن المحافظة جاهزة.", "ادي الدواسر أحمد بن دخيل"),
        ("وأدى انحسار المياه إلى أزمة في المدينة.", "ادي انحسار"),
        # a dash with a space beside it separates names (a byline), and a blessing is no name
        (" قاسم الخبراني- عبدالرحمن الفيفي- سبق- عسير: تقدم والد طفلة بشكوى.", "قاسم الخبراني- عبدالرحمن الفيفي"),
        ("وقال إن الخليفة عثمان بن عفان رضي الله عنه جمع المصحف.", "رضي الله"),
        ("افتتحت كتائب «عز الدين القسام» موقعا جديدا.", "عز الدين القسام"),
        ("وأثار الوزير تساؤلا كبيرا في المؤتمر.", "تساؤلا كبيرا"),
        ("وقال إن المهاجم طعن الضابط حينها بالسكين.", "حينها بالسكين"),
    ],
)
def test_no_junk_persons_from_verbs_and_nouns(pipeline, text, absent):
    assert absent not in persons(pipeline, text)


# Proclitics are never kept in a person mention; a title behind و is no given name; لي is "to me".
@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("وكرم الحفل الروائي والطيب صالح في الخرطوم. وقال صالح إن الرواية جاهزة.", "الطيب صالح", "والطيب صالح"),
        ("وحضر الوزير والسيد دانيال في القاعة. وقال دانيال إن الأمر جيد.", "دانيال", "والسيد دانيال"),
        ("وقال اللاعب إنه لم يتفق على العرض المقدم لي وذهب إلى نادٍ آخر.", None, "لي"),
    ],
)
def test_no_clitic_or_title_kept_in_person_mentions(pipeline, text, expected, absent):
    found = persons(pipeline, text)
    assert absent not in found and (expected is None or expected in found)


# A one-word lexicon name that is also a given name, title or common word needs support.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("وتسعى الهيئة لضمان إمداد المستهلكين بغذاء صالح للاستهلاك.", set()),  # an adjective
        ("وقال صالح إن الحوار مستمر.", {"صالح"}),  # a speech verb before it
        ("وافتتح الملك عبدالله المشروع.", {"عبدالله"}),  # a title before it
        (
            "واشتبكت قوات الحوثيين مع قوات علي عبدالله صالح في تعز. وقتل عشرات من أنصار صالح.",
            {"علي عبدالله صالح", "صالح"},  # a short form of a longer name of the document
        ),
    ],
)
def test_lone_lexicon_names_need_support(pipeline, text, expected):
    assert persons(pipeline, text) == expected


# The subject slot of a verb of acts (VSO): an unseen two-word name, or a listed given name.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("وتوقع ارجون جين أن ينتهي العمل قريبا.", {"ارجون جين"}),
        ("وانتقد جيرمي كوربن بشدة مشاركة بريطانيا في الضربات.", {"جيرمي كوربن"}),
        ("وانتهى اللقاء. و أثنى كريستوس ستايليانيدس المفوض الأوروبي على الجهود.", {"كريستوس ستايليانيدس"}),
        ("وسجل المنتخب هدفين في المباراة.", set()),  # a body with the article
        ("وتوقع خبراء اقتصاد أن ترتفع الأسعار.", set()),
        ("وأبدى دعمه الكريم ومساندته للفريق.", set()),  # a noun with a pronoun
        ("وتعهد بمقاضاة المسؤولين عن الحادث.", set()),  # ب + a noun
        ("وتلقت تشكوس تحذيرا من الهيئة.", set()),  # one unknown word, then the object
        ("تحت وقع هاتين القناتين اللتين تطرقان باستمرار.", set()),  # وقع is a noun here
    ],
)
def test_unseen_names_in_the_subject_of_act_verbs(no_persons, text, expected):
    assert persons(no_persons, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وتقدم على أقرب منافسيه الفنلندي ماركوس غرونهولم بفارق 35 نقطة.", {"ماركوس غرونهولم"}),
        ("ويواجه الجيش الإسرائيلي انتقادات واسعة.", set()),  # an adjective of a body
    ],
)
def test_demonym_then_a_rare_given_name_and_a_surname(no_persons, text, expected):
    assert persons(no_persons, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وانتهت الزيارة.\nوسيقضي ترامب - وهو من أم اسكتلندية - يومين في المنتجع.",
        "وانتهت الجلسة.\nوتحاكم المرأتان - اللتان تقولان إنهما بريئتان - في ماليزيا.",
    ],
)
def test_a_clause_opening_a_line_is_no_byline(no_persons, text):
    assert not any(r["source"] == "rule:byline" for r in no_persons.extract(text) if r["type"] == "entity")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("اعتقلت الشرطة المشتبه به ويحمل اسم نيكولاس كروز، وله من العمر 19 عاما.", {"نيكولاس كروز"}),
        ("وأطلقت البلدية على الحديقة اسم الربيع.", set()),  # the name of a thing
        ("وتحمل السفينة اسم الأمل.", set()),
    ],
)
def test_names_after_bears_the_name(no_persons, text, expected):
    assert persons(no_persons, text) == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        ("ودعوا الله العلي القدير أن يجعل الشهر شهر رحمة.", "العلي القدير"),  # God's attributes
        ("كما تم فتح فروع لجامعتي الموصل وتكريت في كركوك.", "فتح فروع"),  # تم + a verbal noun
        ("وانتقدت الحملة الحكومية والإعلامية التركية التي شنت ضد الرئيس.", "شنت"),  # a relative clause
        ("وقال مدير المستشفى إن الفتاة استشهدت جراء إصابتها.", "استشهدت"),  # a verb after a noun
        ("وطالب الفاتيكان بسحب تصريحات البابا اظهارا للروح الصحيحة.", "اظهارا"),  # a verbal noun
        ("وذلك في رد ضمني على إعلان الحزب.", "ضمني"),  # رد is a noun after في
        ("واستعاد ريال مدريد توازنه بعد الخسارة أمام مضيفه ليون.", "ليون"),  # his host, not مضيفة
    ],
)
def test_no_junk_persons_after_nouns_titles_and_god(pipeline, text, absent):
    assert absent not in persons(pipeline, text)


# A long nasab stays one name from its first given name (no split at بن).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("وكان الأمير محمد بن سلمان بن عبد العزيز آل سعود قد التقى الوفد.", "محمد بن سلمان بن عبد العزيز آل سعود"),
        ("والتقى الأمير محمد بن فهد بن محمد بن عبد الرحمن، في الرياض.", "محمد بن فهد بن محمد بن عبد الرحمن"),
        ("وحضر الحفل الوزير ومحمد بن راشد بن سعيد في دبي.", "محمد بن راشد بن سعيد"),
    ],
)
def test_long_nasab_is_one_name(pipeline, text, expected):
    found = persons(pipeline, text)
    assert expected in found and not any(p.startswith("بن ") for p in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ويذاع البرنامج الذي أعده السيناريست حازم الحديدي ، ويخرجه مخرج شاب.", "حازم الحديدي"),
        ("واستقبل البابا الأسقف جوزيه بوليكاريو في الفاتيكان.", "جوزيه بوليكاريو"),
        ("وشاركت في الحفل الراقصة دينا ، والمطرب مدحت صالح.", "دينا"),
    ],
)
def test_names_after_more_titles(no_persons, text, expected):
    assert expected in persons(no_persons, text)


# Junk persons of issue 14: a noun after a title, plurals of people, the noun رأي, ولي عهده.
@pytest.mark.parametrize(
    "text, absent",
    [
        ("وقال مدير فرع هيئة حقوق الإنسان بمنطقة مكة إن الجولة مستمرة. وسار على الطريق.", "فرع"),
        ("كما أثار وزير الخارجية الروسي تساؤلا عن الأسباب.", "تساؤلا"),
        ("قال علماء، الأربعاء، إن استخدام الدواء آمن.", "علماء"),
        ("ولكنه كان له رأي مغاير. وسار على الطريق.", "مغاير"),
        ("وأكد تأييده للملك ونائبه وولي ولي عهده -حفظهم الله-.", "ولي ولي"),
        ("وعبروا عن شكرهم لمدير تعليم الليث وكل منسوبي الإدارة.", "تعليم الليث"),  # a verbal noun and a place
        ("وتلقى المدير إخطارا من رئيس فرع البحث الجنائي بالمدينة.", "فرع"),  # a noun before its genitive
    ],
)
def test_no_junk_persons_of_issue_14(pipeline, text, absent):
    assert absent not in persons(pipeline, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('والاسم الحقيقي لها هو " ميلانيا كنافس "، وكان والدها ضمن صفوف الحزب.', {"ميلانيا كنافس"}),
        ("وقالت ميلانيا ترامب إن الزيارة مهمة.", {"ميلانيا ترامب"}),
        ("وقالت ميلانيا إن الزيارة مهمة.", {"ميلانيا"}),
    ],
)
def test_a_listed_first_name_opens_a_longer_name(pipeline, text, expected):
    assert persons(pipeline, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("واشار هاربر من جهته الى انه يعود.", {"هاربر"}),  # "from his side" ends the subject
        ("وقال فرع من الشركة إن العمل مستمر.", set()),  # a noun and its complement
    ],
)
def test_one_word_subject_before_from_his_side(no_persons, text, expected):
    assert persons(no_persons, text) == expected


@pytest.fixture(scope="module")
def full():
    return Pipeline(use_env=False)


def labelled(pipeline, text):
    return {(r["label"], r["text"]) for r in pipeline.extract(text) if r["type"] == "entity"}


# Names after a title that the words around them used to cut or hide (ANERcorp error classes).
@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # a definite place head takes no bare name: the name belongs to the title before it
        (
            "وقال رئيس وزراء الإقليم نيكولاي بارزان في مؤتمر صحفي إن الاتفاق صامد.",
            ("PER", "نيكولاي بارزان"),
            ("LOC", "نيكولاي"),
        ),
        # the bare construct title before a place, then "former", then the name
        ("وكشف وزير خارجية فرنسا السابق بيير لوران عن خطة جديدة.", ("PER", "بيير لوران"), ("PER", "لوران")),
        # ك + a country (كلاوس = ك + لاوس) is no modifier of a title: the name starts there
        ("وبحث الوزير مع السفير كلاوس فيبر سبل التعاون.", ("PER", "كلاوس فيبر"), ("LOC", "لاوس")),
        # a nationality noun after a verb with an object pronoun opens a name
        ("وقبل أن يمررها الإسباني فرانسيسكو بيدال إلى زميله.", ("PER", "فرانسيسكو بيدال"), ("PER", "يمررها")),
        # negatives: ك + a place in an ordinary phrase stays a place; a plain title without a name
        ("وتعد دول كلاوس وكمبوديا من أفقر دول آسيا.", ("LOC", "لاوس"), ("PER", "كلاوس")),
        ("وقال رئيس وزراء الإقليم إن الاتفاق صامد.", None, ("LOC", "إن")),
    ],
)
def test_names_after_titles_not_cut(full, text, expected, absent):
    got = labelled(full, text)
    if expected is not None:
        assert expected in got
    assert absent not in got


# Words that the lists read as persons but that are other words here (no junk persons).
@pytest.mark.parametrize(
    "text, absent, kept",
    [
        ("وقد ترأس الوزير الاجتماع الطارئ صباح اليوم.", "ترأس", None),  # the verb, not تراس
        ("وقالت تراس إن الحكومة ستخفض الضرائب.", None, "تراس"),  # the name without a hamza stays
        ("وتركزت المعارك في ولايتي خوست وقندهار.", "ولايتي", None),  # the dual "two provinces"
        ("وقال ولايتي إن إيران لن تتراجع.", None, "ولايتي"),
        ("ومرت الكرة بين قدمي الحارس واستقرت في الشباك.", "قدمي", None),  # a dual construct
        ("وسجل هدفي الفريق المهاجم البديل.", "هدفي", None),
        ("وكان أول رئيس وزراء مصري ورسام الكاريكاتير من الحضور.", "ورسام الكاريكاتير", None),  # و + a noun
        ("وقال اللاعب وسام بن يدر إن الفريق جاهز.", None, "وسام بن يدر"),  # و opens a given name
    ],
)
def test_listed_or_ruled_words_that_are_no_persons(full, text, absent, kept):
    got = {t for lab, t in labelled(full, text) if lab == "PER"}
    if absent is not None:
        assert absent not in got
    if kept is not None:
        assert kept in got


# A frequent given name + a listed surname that is also a common noun, where the phrase ends.
@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("ويغيب عن المباراة محمد صديق للإيقاف.", "محمد صديق", "محمد"),  # لل + a noun ends the name
        ("وحضر الاجتماع محمد خميس وعباس عثمان.", "محمد خميس", "محمد"),  # و + the next name of a list
        ("وقابل الوزير محمد صباحا.", None, "محمد صباحا"),  # an accusative adverb, no surname
        ("ولم يقدم سند قانوني واضح.", None, "سند قانوني"),  # a nisba adjective after a noun
        ("وشاهدنا أسد أبيض في الحديقة.", None, "أسد أبيض"),  # a colour adjective
        ("وأكد علي أسرار المهنة.", None, "علي أسرار"),  # على written علي
        ("ولا بد من فتح حساب.", None, "فتح حساب"),  # a rare given name that is a noun
        ("وهذا دين كبير.", None, "دين كبير"),
    ],
)
def test_common_noun_surnames_at_the_end_of_a_name(full, text, expected, absent):
    got = persons(full, text)
    if expected is not None:
        assert expected in got
    assert absent not in got


# A full name a rule found once (after الممثلة) is the same person wherever the same words stand
# together: a caption or heading line gives no context of its own. A rule's junk reading is not
# spread (the words must be name-like where they are repeated).
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "فستانا أسود من تصميم بيت أزياء لانفان\nجنيفر هدسون\nفي عام 2008، سارت الممثلة جنيفر هدسون على السجادة.",
            [("جنيفر هدسون", "جنيفر هدسون"), ("جنيفر هدسون", "جنيفر هدسون")],
        ),
        (
            "صورة لجنيفر هدسون في الحفل.\nوسارت الممثلة جنيفر هدسون على السجادة.",
            [("جنيفر هدسون", "جنيفر هدسون"), ("جنيفر هدسون", "جنيفر هدسون")],
        ),
    ],
)
def test_a_rule_found_full_name_is_found_at_its_other_occurrences(no_persons, text, expected):
    found = [
        (r["text"], r["canonical"]) for r in no_persons.extract(text) if r["type"] == "entity" and r["label"] == "PER"
    ]
    assert found == expected
    lined = [r for r in no_persons.extract(text) if r["type"] == "entity"]
    one_line = [r for r in no_persons.extract(text.replace("\n", " ")) if r["type"] == "entity"]
    assert [(r["start"], r["end"]) for r in lined] == [(r["start"], r["end"]) for r in one_line]


# A surname two people of the article carry goes to the one named before it, not to a longer
# name that comes later (ترامب after دونالد ترامب, ميلانيا ترامب named further on).
def test_a_shared_surname_is_the_person_named_before(pipeline):
    text = (
        "أكد الرئيس الأمريكي دونالد ترامب أنه لا يعلم نوايا وزير الدفاع.\n"
        "وقال ترامب إن هناك تغييرات كثيرة قادمة.\n"
        "وظهرت السيدة الأولى ميلانيا ترامب في المقابلة."
    )
    found = [
        (r["text"], r["canonical"]) for r in pipeline.extract(text) if r["type"] == "entity" and r["label"] == "PER"
    ]
    assert found == [("دونالد ترامب", "دونالد ترامب"), ("ترامب", "دونالد ترامب"), ("ميلانيا ترامب", "ميلانيا ترامب")]


# A listed place ends a role's complement: the name after it starts with the given name.
def test_a_place_is_no_part_of_the_name_after_a_role(no_persons):
    text = "وقال مدير فنون أبها أحمد بن إبراهيم السروي، إن لجنة التحكيم اختارت الفائزين."
    assert persons(no_persons, text) >= {"أحمد بن إبراهيم السروي"}
    assert not any("أبها" in p for p in persons(no_persons, text))


def test_the_head_of_a_listed_body_speaks_by_name(pipeline):
    text = "وأوضح رئيس ديوان المظالم رئيس مجلس القضاء الإداري الشيخ الدكتور خالد بن محمد اليوسف، أن الأمر صدر."
    records = pipeline.extract(text)
    assert ("ORG", "ديوان المظالم") in {(r["label"], r["text"]) for r in records if r["type"] == "entity"}
    (quote,) = [r for r in records if r["type"] == "quote"]
    assert quote["speaker"]["canonical"] == "خالد بن محمد اليوسف"


def test_wa_ada_is_no_valley(pipeline):
    """وأدى (and it led to) folds to وادي (valley) without its hamza: no place after it."""
    records = pipeline.extract("وأدى انحسار المياه إلى أزمة في المدينة.")
    assert [r["text"] for r in records if r["type"] == "entity"] == []


# A title the lexicon lists with the article (المفوضة، الاختصاصي) written bare after a name heads a
# construct: it is the person's role, not the end of the name, and sets off an unseen name.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("وقال باتريك جاك اختصاصي سوق الديون في المصرف إن السوق هادئ.", {"باتريك جاك"}),
        ("وقال توماس برانت مفوض شؤون الطاقة الأوروبي إن الأسعار سترتفع.", {"توماس برانت"}),
        ("التقى الوفد مع هيرمان كولر مفوض الشؤون الاقتصادية في الاتحاد.", {"هيرمان كولر"}),
        ("وقال الوزير سلطان العتيبي إن العمل مستمر.", {"سلطان العتيبي"}),  # سلطان is a given name too
    ],
)
def test_bare_title_after_a_name_is_its_role(no_persons, text, expected):
    assert persons(no_persons, text) == expected


# A listed family name with the article may stand alone after an honorific marked family=alone
# (الدكتور البار أن); a surname that is also a common noun ends a name when a role follows it.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("وأوضح الدكتور البار أن عملية القيد تبدأ غدا.", {"البار"}),
        ("وقال الطبيب الجراح إن العملية نجحت.", set()),  # an adjective after an occupation
        ("وقال الدكتور السعودي إن العملية نجحت.", set()),  # a nisba: an adjective as often
        ("وقال عاصم جهاد المتحدث باسم وزارة النفط إن الصادرات ارتفعت.", {"عاصم جهاد"}),
    ],
)
def test_family_names_set_off_by_a_title_or_a_role(no_persons, text, expected):
    assert persons(no_persons, text) == expected


# The subject of a speech verb ends before لـ + the outlet told; ب + a common or verbal noun after a
# name is a complement, not the name's last word.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("وقال المسؤول عن الطوارئ نشوان الحسام لـ «عكاظ»: الوضع مأسوي.", {"نشوان الحسام"}),
        ("وأقرت لندي وليامز بإحراق الجثة والتخلص منها.", {"لندي وليامز"}),
        ("وقال الرئيس الأمريكي دونالد ترامب بتغريدة إن الاتفاق سيئ.", {"دونالد ترامب"}),
        ("وقال الكولونيل ريك فرانكونا إن الضربة محدودة.", {"ريك فرانكونا"}),
        ("واجتمع الوزير مع كيليان باومان في برلين.", {"كيليان باومان"}),  # با… with a plain alef: a name
    ],
)
def test_name_ends_before_complements_of_the_verb(no_persons, text, expected):
    assert persons(no_persons, text) == expected


def test_a_nationality_noun_sets_off_an_unseen_name(no_persons):
    text = "كما يسعى الكوستاريكي كيلور نافاس إلى البقاء. وقال نافاس إن الموسم صعب."
    assert persons(no_persons, text) == {"كيلور نافاس", "نافاس"}


def test_a_name_is_no_two_clitics_and_a_two_letter_word(no_persons):
    # فليك is no ف + ل + يك; وجل (و + جل) stays a word
    assert persons(no_persons, "أدان السيناتور الجمهوري جيف فليك تصريحات الرئيس.") == {"جيف فليك"}
    assert persons(no_persons, "وحمد الشيخ المولى عز وجل على نعمه.") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        # a first name before the surname's first occurrence: a common word that is a given name too,
        # after a role's definite complement; a foreign name in ت with a long vowel after it
        (
            "وأشار رئيس المجلس البلدي للمحافظة شرف السعيدي إلى رفع 5 مشاريع. وأشار السعيدي إلى أن العمل مستمر.",
            {"شرف السعيدي", "السعيدي"},
        ),
        (
            "وقدم تيموثي هاسون، مسؤول الادعاء، الوثائق يوم الأربعاء. وقال هاسون إن المتهم خطر.",
            {"تيموثي هاسون", "هاسون"},
        ),
        # … not a verbal noun in ت (تعيين), nor a common word after an indefinite noun
        ("ورفض تعيين هاسون في المنصب. وقال هاسون إن القرار ظالم.", {"هاسون"}),
        ("وأكد مجلس شرف السعيدي أن القرار نهائي. وأشار السعيدي إلى أن العمل مستمر.", {"السعيدي"}),
        # a surname in وا… set off by a comma from the role after it
        ('وقال مايكل واردلو، كبير مفوضي اللجنة: "هناك قلق".', {"مايكل واردلو"}),
        # a bare word and a definite noun after a name in a list are a construct, no second name
        ('وقال مايكل، كبير مفوضي اللجنة: "هناك قلق".', {"مايكل"}),
    ],
)
def test_first_names_before_a_surname_and_list_members(pipeline, text, expected):
    assert persons(pipeline, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a Portuguese/Spanish particle inside a name; a foreign first name in م with a long vowel
        (
            "أبدى المدير الفني لنادي النصر خورخي دا سيلفا تفاؤلا شديدا. وقال دا سيلفا إن فريقه جاهز.",
            {"خورخي دا سيلفا", "دا سيلفا"},
        ),
        ("تجرأ مارتي والش رئيس بلدية بوسطن على التقاليد. وقال والش إن القرار نهائي.", {"مارتي والش", "والش"}),
        # a given name that is a common word too, right after a speech verb, then a comma and a role
        ("قال جمال باوزير، القاضي اليمني السابق: إن القيادات منقسمة.", {"جمال باوزير"}),
        # … not a noun and its genitive there
        ("قال صانع المسلة الأصلي، الفنان الشهير: إن العمل انتهى.", set()),
    ],
)
def test_particles_and_first_names_of_unseen_persons(pipeline, text, expected):
    assert persons(pipeline, text) == expected


def test_elders_honorific_before_a_listed_name(pipeline):
    # العم / الخالة + a listed given name: a person ("uncle Hussein"); العم سام has no listed name
    assert persons(pipeline, "وأبان العم حسين أنه بدأ في تنفيذ دورات خاصة بهذه الحرفة.") == {"حسين"}
    assert persons(pipeline, "وقال العم سام إن الحرفة صعبة.") == set()
