"""Who speaks: attribution and document entities, table-driven (regressions named by the case)."""

from __future__ import annotations

import pytest


def _quotes(pipeline, text):
    return [r for r in pipeline.extract(text, "t") if r["type"] == "quote"]


def _speakers_of_cue(pipeline, text, cue):
    """The canonical speakers of every quote whose cue is exactly ``cue`` (empty: no such quote)."""
    return {q["speaker"]["canonical"] for q in _quotes(pipeline, text) if q["cue"]["text"] == cue}


def _speaker_of(pipeline, text, cue):
    for q in _quotes(pipeline, text):
        if q["cue"]["text"].endswith(cue):
            return q["speaker"]
    raise AssertionError(f"no quote for {cue}: {_quotes(pipeline, text)}")


@pytest.mark.parametrize(
    "text, cue, canonical, role",
    [
        # ROLE NAME apposition, role complements included, no comma
        (
            "وأوضح مدير عام تعليم جدة عبدالله بن أحمد الثقفي، أن الدراسة ستبدأ في موعدها.",
            "أوضح",
            "عبدالله بن أحمد الثقفي",
            "مدير عام تعليم جدة",
        ),
        # a role with عن + the place represented, then the name in apposition
        (
            'كتب عضو مجلس الشيوخ عن ولاية فلوريدا، ماركو رابيو، تغريدة وصف فيها الهجوم بأنه "صمم لإيقاع الخسائر".',
            "كتب",
            "ماركو رابيو",
            "عضو مجلس الشيوخ عن ولاية فلوريدا",
        ),
        # a name no list holds after a role and its complement (ل/ب + a definite noun, a comma and an
        # honorific, a title alone), ending the subject
        (
            "وأوضح الرئيس التنفيذي للمهرجان عبدالعزيز المهوس أن المهرجان يشهد تطورا.",
            "أوضح",
            "عبدالعزيز المهوس",
            "الرئيس التنفيذي للمهرجان",
        ),
        (
            "قال رئيس اللجنة الفنية بالاتحاد السعودي للتايكوندو منصور السعران بأن التحضيرات جيدة.",
            "قال",
            "منصور السعران",
            "رئيس اللجنة الفنية بالاتحاد السعودي للتايكوندو",
        ),
        ("أكد اللواء صباح بن عايد الزمهري مدير السجون، أن المبنى جاهز.", "أكد", "صباح بن عايد الزمهري", "اللواء"),
        # ROLE، NAME، apposition with a "former" modifier (was: the speaker نيكولاس مادورو, named later)
        (
            "وقال رئيس أوروغواي السابق، خوسيه موخيكا، إن البلاد تحتاج إلى الهدوء. والتقى نيكولاس مادورو بالوفد.",
            "قال",
            "خوسيه موخيكا",
            "رئيس أوروغواي السابق",
        ),
        # an honorific (العميد) before an unseen name, a place complement in the role
        (
            'وقال رئيس مركز الدراسات في الجيش الإيراني العميد أحمد رضا بوردستان إن "القوات جاهزة تماما".',
            "قال",
            "أحمد رضا بوردستان",
            "رئيس مركز الدراسات في الجيش الإيراني",  # the honorific العميد is not part of the role
        ),
        # باسم after a complete role, before a name: the given name Basim, not "on behalf of"
        ("وقال مدير المكتب باسم يوسف إن الحملة بدأت.", "قال", "باسم يوسف", "مدير المكتب"),
        # المتحدث باسم + a person: whom the role speaks for; the holder is named after
        ("وقال المتحدث باسم ترامب، سارة ساندرز، إن القرار نهائي.", "قال", "سارة ساندرز", "المتحدث باسم ترامب"),
        # a role phrase the speaker finder read whole, closed by a person's name: linked at the
        # end to the person (a definite complement or a proper name closes the role)
        ("وقال صاحب المزرعة محمد السماعيل إن المحصول تضاعف.", "قال", "محمد السماعيل", "صاحب المزرعة"),
        (
            "وأوضح الناطق الإعلامي بصحة عسير سعيد بن عبدالله النقير أن الحالة مستقرة.",
            "أوضح",
            "سعيد بن عبدالله النقير",
            "الناطق الإعلامي بصحة عسير",
        ),
    ],
)
def test_role_and_name_in_apposition(pipeline, text, cue, canonical, role):
    sp = _speaker_of(pipeline, text, cue)
    assert (sp["canonical"], sp["role"], sp["label"]) == (canonical, role, "PER")
    assert text[sp["start"] : sp["end"]] == canonical


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a bare role → the nearest earlier holder of a role with the same head word
        (
            "وقال وزير الخارجية الأمريكي مايك بومبيو إن العقوبات ستستمر. وأضاف الوزير أن بلاده لن تتراجع.",
            "أضاف",
            "مايك بومبيو",
        ),
        # … whose complements agree: not the nearer holder of another country's or club's role
        (
            "وقال وزير الاستخبارات الإسرائيلي يوفال شتاينتز إن الاتفاق سيئ. وقال وزير الخارجية الأميركي جون"
            " كيري إن الاتفاق جيد. وأضاف الوزير الإسرائيلي أن إيران ستستفيد.",
            "أضاف",
            "يوفال شتاينتز",
        ),
        (
            "وقال رئيس نادي الهلال الأمير عبدالرحمن بن مساعد إنه يشكر رئيس الاتحاد ابراهيم البلوي على دعمه."
            " وأكد رئيس الهلال أن الفريق جاهز.",
            "أكد",
            "عبدالرحمن بن مساعد",
        ),
        # an honorific pronoun → the titled person named before it
        ("استقبل الأمير فيصل بن سلمان الوفد في مكتبه. وأكد سموه أن المنطقة تشهد نهضة.", "أكد", "فيصل بن سلمان"),
        ("ألقى الشيخ عبدالعزيز آل الشيخ كلمة في الحفل. وقال فضيلته إن الأمن نعمة.", "قال", "عبدالعزيز آل الشيخ"),
        # a definite trigger noun → the body of that kind named before
        (
            "وقالت وزارة الصحة السعودية إن الحالات تراجعت. وأضافت الوزارة أن الفحوص مستمرة.",
            "أضافت",
            "وزارة الصحة السعودية",
        ),
        # … also behind a proclitic (لوكالة), and with a nationality after it (الوكالة الأمريكية)
        (
            "خضع الملك لجراحة ناجحة، وفقا لوكالة الأنباء المغربية. وقالت الوكالة إن الملك سيستأنف عمله.",
            "قالت",
            "وكالة الأنباء المغربية",
        ),
        (
            "خفضت وكالة موديز تصنيف البلاد. وأكدت الوكالة الأمريكية أن الديون ترتفع.",
            "أكدت",
            "وكالة موديز",
        ),
        # a bare role → the person named right before the same role word earlier (no comma)
        (
            "جاء ذلك خلال لقاء أحمد الخطيب محافظ المدينة مع الوفد. وقال المحافظ إن المدينة آمنة.",
            "قال",
            "أحمد الخطيب",
        ),
        # a document → its issuer named beside the same word earlier
        ("أصدرت وزارة الداخلية بيانا حول الحادث. وقال البيان إن التحقيقات جارية.", "قال", "وزارة الداخلية"),
        # a surname → the fullest name in the article, in its spelling
        ("كشف الدكتور اشرف العربي وزير التخطيط عن الخطة. وقال العربي إن النمو سيرتفع.", "قال", "اشرف العربي"),
        # a family name written without its article (السومه → سومه), for the speaker and its implied repeats
        ("وقع المهاجم عمر السومه عقده مع الأهلي. ونفى سومه أن يكون من مشجعي الاتحاد.", "نفى", "عمر السومه"),
        # قال للصحفيين: the ones told stand before the subject, or the subject is before the verb
        ("وكان الوزير عادل الجبير قال للصحفيين إن الاتفاق قريب.", "قال", "عادل الجبير"),
        # الشركة with no body named شركة X → the company named bare shortly before
        ("تراجعت أسهم فيسبوك بأكثر من 20 في المئة.\nوقالت الشركة إن التغييرات ضرورية.", "قالت", "فيسبوك"),
    ],
)
def test_resolved_to_an_earlier_entity(pipeline, text, cue, canonical):
    sp = _speaker_of(pipeline, text, cue)
    assert sp["canonical"] == canonical and sp["resolved"] and sp["entity"], sp


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # the trigger and the name after it, though نيسان is also a month (no entity found)
        (
            "اعترفت شركة نيسان لتصنيع السيارات بأنها اكتشفت بيانات مزورة.\n"
            "وأضافت الشركة أن التقارير استندت إلى قيم مغايرة.",
            "أضافت",
            "شركة نيسان",
        ),
        # the definite trigger and its nationality
        (
            "أفادت الشرطة العراقية بمقتل شخصين.\nوأوضحت الشرطة أن المتظاهرين حاولوا اقتحام المبنى.",
            "أوضحت",
            "الشرطة العراقية",
        ),
        # a body with its own nationality is not an earlier body of another country
        (
            "أصيب عناصر من الجيش العربي السوري.\nوأعلن الجيش الإسرائيلي أنه اعتقل 11 شخصا.",
            "أعلن",
            "الجيش الإسرائيلي",
        ),
    ],
)
def test_a_definite_body_word_is_the_body_written_before(pipeline, text, cue, canonical):
    """الشركة، الشرطة as speakers, when no recognised name holds the body: its nearest earlier
    writing (the trigger and the name after it, or the trigger and its nationality)."""
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


def test_a_sentence_opening_with_a_preposition_has_no_subject_after_it(pipeline):
    """وأمام الكونجرس …: the body after a preposition is its object; the next implied cue goes
    on with the speaker before (the verb عبّر, which is also the preposition عبر, keeps its subject)."""
    text = (
        "حذر وزير الخارجية الأمريكي جون كيري من أن الاتفاق قد ينهار. وأمام الكونجرس حتى 17 سبتمبر"
        ' للموافقة على الاتفاق. وقال "أخشى مما يمكن أن يحدث إذا رفضه الكونجرس".'
    )
    assert _speaker_of(pipeline, text, "قال")["canonical"] == "جون كيري"
    text = 'وعبر موقع تويتر، كتبت الممثلة إيما واتسون أمس، وقالت فيها "أنا سعيدة بالتصحيح".'
    assert _speaker_of(pipeline, text, "قالت")["canonical"] == "إيما واتسون"


def test_a_given_name_speaks_for_the_one_person_named_in_full_before(pipeline):
    text = 'تسبب حادث للمعلمة "زهراء محمد" في إصابتها.\nوذكرت "زهراء" أن حالتها الصحية تدهورت.'
    assert _speaker_of(pipeline, text, "ذكرت")["canonical"] == "زهراء محمد"
    # two persons with that given name: neither
    two = 'تسبب حادث للمعلمة "زهراء محمد" في إصابتها، كما أصيبت زميلتها زهراء الحربي.\nوذكرت "زهراء" أن حالتها تدهورت.'
    assert _speaker_of(pipeline, two, "ذكرت")["canonical"] == "زهراء"


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # never a person first named later in the article
        ("وقال الرئيس إن الحوار مستمر. وكان الرئيس الأمريكي دونالد ترامب قد زار المنطقة.", "قال", "الرئيس"),
        ("ونفى سومه أن يكون من مشجعي الاتحاد. ووقع المهاجم عمر السومه عقده مع الأهلي.", "نفى", "سومه"),
        # a role whose holder is never named keeps the whole role phrase, not the head word
        ("وقال مدير المستشفى إن المصابين بحالة مستقرة.", "قال", "مدير المستشفى"),
        # an anonymous source keeps its whole phrase
        ("قال مسؤول أمني عراقي إن الهجوم أسفر عن قتلى.", "قال", "مسؤول أمني عراقي"),
        # a spokesperson's phrase ends before "in a statement" (بيان is also a small town's name),
        # and keeps the closing mark of the name it opened
        ('وقال متحدث باسم "وايمو" في بيان صحفي: "لقد توصلنا إلى اتفاقية".', "قال", 'متحدث باسم "وايمو"'),
        ("وقال متحدث باسم الشركة في بيان صحفي إن الاتفاق نهائي.", "قال", "متحدث باسم الشركة"),
        # عن + a place it represents belongs to the role, not عن + a body
        ("وقال عضو مجلس الشيوخ عن الحزب الجمهوري إن القانون سيمر.", "قال", "عضو مجلس الشيوخ"),
        # a spokesperson of a named person is not that person
        (
            "وأكد متحدث باسم الرئيس الروسي فلاديمير بوتين أن بلاده لن تقبل.",
            "أكد",
            "متحدث باسم الرئيس الروسي فلاديمير بوتين",
        ),
        # anonymous sources keep their descriptor: qualifiers (آخر، قريب من …، موثوق), ب + a body;
        # not ل + the outlet told, nor "close to" without what it is close to
        ("وقال مصدر قريب من التحقيقات لوكالة الأنباء الفرنسية إن المشتبه به اعتقل.", "قال", "مصدر قريب من التحقيقات"),
        ("قال مصدر بالأمم المتحدة إن كوريا الشمالية أرسلت شحنات.", "قال", "مصدر بالأمم المتحدة"),
        ("وقال مصدر آخر إن الضابط جمع المعلومات.", "قال", "مصدر آخر"),
        ("وكشف مصدر موثوق به في الاتحاد الدولي أن التصويت تأجل.", "كشف", "مصدر موثوق به في الاتحاد الدولي"),
        ("وقال مسؤولون لبي بي سي إن المحادثات توقفت.", "قال", "مسؤولون"),
        ("وقال المتحدث باسم ترامب إن القرار نهائي.", "قال", "المتحدث باسم ترامب"),
        # the outlet told ends a role phrase; a body the role serves (لصحة مكة) does not
        ("وقال متحدث باسم الحكومة في بنما لبي بي سي إن دولته تدعم الاتفاق.", "قال", "متحدث باسم الحكومة في بنما"),
        ('وقال رئيس جمعية حقوق الإنسان لـ"الاقتصادية" إن التقرير دقيق.', "قال", "رئيس جمعية حقوق الإنسان"),
        ("وكشفت مصادر برلمانية لبنانية مقربة من فريق (8 آذار) أن الاتفاق قريب.", "كشفت", "مصادر برلمانية لبنانية"),
        # the name completes the noun before it: a relative, a critic, a thing of the person
        ("وقالت زوجة الرئيس ترامب إن الحفل كان رائعا.", "قالت", "زوجة الرئيس ترامب"),
        ("وقالت وصيفة الأميرة ديانا إنها كانت تحب الأطفال.", "قالت", "وصيفة الأميرة ديانا"),
        ("وقال منتقدو الرئيس رجب طيب أردوغان إن القرار خاطئ.", "قال", "منتقدو الرئيس رجب طيب أردوغان"),
    ],
)
def test_unresolved_speakers_keep_the_article_phrase(pipeline, text, cue, canonical):
    sp = _speaker_of(pipeline, text, cue)
    assert sp["canonical"] == canonical and not sp["resolved"] and sp["entity"] is None, sp


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a bare definite role whose holder is never named → the earlier source phrase it repeats
        (
            "وقال متحدث باسم صندوق الأمم المتحدة للسكان إنه سمع عن حالات. وأشار المتحدث إلى أنه لم يتلق ادعاءات.",
            "أشار",
            "متحدث باسم صندوق الأمم المتحدة للسكان",
        ),
        (
            "وقال ضابط كبير في الجيش الإسرائيلي إن الهجوم فشل. وأضاف الضابط أن التحقيق مستمر.",
            "أضاف",
            "ضابط كبير في الجيش الإسرائيلي",
        ),
        # far from any body named bare, الشركة stays the word
        (
            "تراجعت أسهم فيسبوك."
            + " وارتفعت أسعار النفط في الأسواق العالمية اليوم." * 15
            + " وقالت الشركة إن الأرباح تراجعت.",
            "قالت",
            "الشركة",
        ),
    ],
)
def test_a_bare_role_repeats_an_unnamed_source(pipeline, text, cue, canonical):
    sp = _speaker_of(pipeline, text, cue)
    assert sp["canonical"] == canonical and not sp["resolved"] and sp["entity"] is None, sp


@pytest.mark.parametrize(
    "text",
    [
        "دبي، الإمارات العربية المتحدة (CNN)-- قال إن الاتفاق سيوقع قريبا.",
        "الرياض - واس أكد إن الاتفاق سيوقع قريبا.",
        "نجران 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس  أكد أن الدراسة ستنطلق في موعدها.",
        "سبق- الطائف: وأضاف أن الدراسة ستنطلق في موعدها.",
        "خالد الزهراني- سبق- جدة: وأكد أن المشروع سيكتمل قريبا.",
        "عين اليوم – جنيف قالت إن الاجتماع انتهى دون اتفاق.",
    ],
)
def test_a_dateline_never_speaks(pipeline, text):
    for q in _quotes(pipeline, text):
        sp = q["speaker"] or {}
        assert sp.get("label") != "LOC" and "الإمارات" not in (sp.get("canonical") or ""), q


def test_gender_agreement_keeps_a_masculine_role_out_of_a_feminine_verb(pipeline):
    """اعتبرت السفير …: the role is the object; the subject is the ministry named before."""
    text = 'وقالت وزارة الخارجية السعودية إن القرار نهائي. واعتبرت السفير الكندي "شخصا غير مرغوب فيه".'
    sp = _speaker_of(pipeline, text, "اعتبرت")
    assert sp["canonical"] == "وزارة الخارجية السعودية", sp


def test_a_noun_with_an_attached_pronoun_is_not_the_subject(pipeline):
    text = 'وأصدرت حركة طالبان بيانا أعلنت مسؤوليتها فيه عن قتل "قائد الشرطة سيئ السمعة في المدينة".'
    sp = _speaker_of(pipeline, text, "أعلنت")
    assert sp["canonical"] != "مسؤوليتها" and "طالبان" in sp["canonical"], sp


def test_one_entity_per_person_with_one_canonical(pipeline):
    text = "قال تركي آل الشيخ إن الموسم سيبدأ. وأضاف آل الشيخ أن الأندية جاهزة. وكتب آل الشيخ على تويتر."
    ents = [r for r in pipeline.extract(text, "t") if r["type"] == "entity" and r["label"] == "PER"]
    assert len({e["entity"] for e in ents}) == 1 and {e["canonical"] for e in ents} == {"تركي آل الشيخ"}, ents


def test_a_place_with_and_without_its_head_is_one_entity(pipeline):
    text = "قصفت الطائرات قطاع غزة أمس. وقال سكان في غزة إن القصف استمر ساعات."
    ents = [r for r in pipeline.extract(text, "t") if r["type"] == "entity" and r["label"] == "LOC"]
    assert len(ents) == 2 and len({e["entity"] for e in ents}) == 1, ents


def test_a_short_form_joins_the_form_the_article_writes_for_a_lexicon_body(pipeline):
    """مؤسسة النقد and مؤسسة النقد العربي السعودي (a form of the entry البنك المركزي السعودي) are one
    body, named as the article writes it in full."""
    text = (
        "وأوضح تقرير مؤسسة النقد العربي السعودي أن العمليات ارتفعت.\n"
        "وأشارت مؤسسة النقد إلى أن النظام يعد من أحدث الأنظمة."
    )
    ents = [r for r in pipeline.extract(text, "t") if r["type"] == "entity" and r["label"] == "ORG"]
    assert len(ents) == 2 and len({e["entity"] for e in ents}) == 1, ents
    assert {e["canonical"] for e in ents} == {"مؤسسة النقد العربي السعودي"}


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("وأكدت مصادر في المقاومة الشعبية بمحافظة مأرب أن القتال مستمر.", "مصادر في المقاومة الشعبية بمحافظة مأرب"),
        (
            "وقال مسؤول أمني مطلع على قضية سرقة الطائرة من مطار سياتل إن الطيار تصرف وحده.",
            "مسؤول أمني مطلع على قضية سرقة الطائرة من مطار سياتل",
        ),
        # not the one told, the time, the verb's own preposition, nor an aside set off by a comma
        ("وقال مسؤول أمني لوكالة رويترز إن القتال مستمر.", "مسؤول أمني"),
        ("وقال مسؤول أمني في وقت سابق إن القتال مستمر.", "مسؤول أمني"),
        ("وحذر مسؤولون يابانيون من أن الأمطار ستستمر.", "مسؤولون يابانيون"),
        ("وقال مسؤول أمني، في تصريح مقتضب، إن القتال مستمر.", "مسؤول أمني"),
    ],
)
def test_a_source_phrase_runs_on_to_the_complementizer(pipeline, text, canonical):
    """Between the verb's subject and إن/أن stand only the subject's own words, the one told, the
    occasion and the time: a source phrase keeps its complements (مصادر في المقاومة … بمحافظة مأرب)."""
    quotes = _quotes(pipeline, text)
    assert [q["speaker"]["canonical"] for q in quotes] == [canonical]


def test_a_negated_masdar_is_no_cue(pipeline):
    """مصدر طلب عدم ذكر اسمه: ذكر here is a noun; its "subject" اسمه never speaks."""
    text = "وقال مصدر طلب عدم ذكر اسمه إن المفاوضات مستمرة."
    assert all((q["speaker"] or {}).get("canonical") != "اسمه" for q in _quotes(pipeline, text))


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # subject, apposition between commas, then the verb
        ("غير أن فرانك لامبارد، نجم تشيلسي السابق، قال إن ما حدث سوء حظ.", "قال", "فرانك لامبارد"),
        # بيد أن ("but") opens a clause like غير أن: its subject stands before the verb
        (
            "ونشر التقرير ترتيبا، بيد أن المتحدث الرسمي للجامعة أكد للصحيفة أنه لا صلة لها.",
            "أكد",
            "المتحدث الرسمي للجامعة",
        ),
        # a family name whose full form the article gives only later is still that person
        (
            "وأكد الحربي أنه لا توجد تخصصات نظرية. وأوضح المتحدث الرسمي للجامعة الدكتور محمود الحربي أن الجامعة تعمل.",
            "أكد",
            "محمود الحربي",
        ),
    ],
)
def test_subject_found_across_the_sentence(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, not_speaker",
    [
        ("وقالت شركة نستله في بيان. وكانت الشركة قد قالت يوم الثلاثاء إنها لا ترى أثرا.", "قالت", "يوم"),
        ('غير أن المكتب الإعلامي عاد وأكد، ردا على تساؤلات الصحفيين، أنه "لم يقدم أي طلب".', "أكد", "ردا"),
        # a circumstantial clause after the verb (و + a pronoun): the subject is the one implied
        ('وصل الوزير أحمد العلي إلى المؤتمر. وقال وهو يبتسم: "نحن سعداء بهذا الاتفاق".', "قال", "وهو"),
    ],
)
def test_no_adverb_as_speaker(pipeline, text, cue, not_speaker):
    for q in _quotes(pipeline, text):
        assert not ((q["speaker"] or {}).get("canonical") or "").startswith(not_speaker), q


def test_a_negated_report_is_no_quote(pipeline):
    assert not _quotes(pipeline, "ولم يعتبر الحكم الاحتكاك مقصودا بنية إصابة اللاعب.")


@pytest.mark.parametrize(
    "text, cue, not_speaker",
    [
        ("وتابع حاثا الشبابَ السعودي على العمل إن الفرص كثيرة.", "تابع", "الشبابَ السعودي"),  # accusative
        ("وأكد المسؤول أهمية التواصل بين أفراد المجتمع، وأن الأمن مسؤولية الجميع.", "بين", None),
    ],
)
def test_objects_and_prepositions_are_no_speakers(pipeline, text, cue, not_speaker):
    for q in _quotes(pipeline, text):
        assert not q["cue"]["text"].endswith(cue) or (q["speaker"] or {}).get("canonical") != not_speaker, q
        assert q["cue"]["text"] != "بين", q  # بين after a noun is "between"


def test_a_name_inside_the_quotation_does_not_speak(pipeline):
    text = (
        'وقال الرئيس الأمريكي دونالد ترامب: "روسيا وإيران مسؤولتان عن دعم الأسد الحيوان،"'
        ' لافتا إلى أن "ثمنا كبيرا سيدفع".'
    )
    sp = _speaker_of(pipeline, text, "لافتا")
    assert sp["canonical"] == "دونالد ترامب", sp


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # an implied speaker stays the current speaker for the next وأضاف
        (
            'قال وزير الخارجية الأمريكي مايك بومبيو إن العقوبات ستستمر. وتابع: "لن نتراجع". وقالت '
            'الصحيفة إن الاجتماع انتهى دون اتفاق. وكان بومبيو قد وصل أمس. وأضاف: "سنعود".',
            "أضاف",
            "مايك بومبيو",
        ),
        # ومن ناحيته / من جهتها before the verb of the sentence before: its subject speaks next
        (
            "ومن ناحيته دعا النائب عبدالكريم العبيدي إلى تشكيل لجنة مستقلة.\n"
            'وقال لـ"الوطن" إن ملايين الدولارات صرفت على عقود وهمية.',
            "قال",
            "عبدالكريم العبيدي",
        ),
        # a participle with no cue before it in its sentence: the subject of the opening verb, not
        # the titled person it acts on
        (
            "شكر الرئيس التركي، رجب طيب أردوغان، مساء الأربعاء، الشيخ تميم بن حمد، أمير قطر، على "
            '"وقوفه لجانب تركيا" مؤكدا على أن العلاقات بين البلدين ستشهد تطورا.',
            "مؤكدا",
            "رجب طيب أردوغان",
        ),
        # ROLE، HONORIFIC NAME: the name holds the role, not an earlier holder of a like role
        (
            "كشف الشيخ حمدان بن محمد بن راشد آل مكتوم، ولي عهد دبي، أن الاستثمار نما. حدد ولي العهد "
            "السعودي، الأمير محمد بن سلمان، موعد طرح شركة أرامكو، مشددا على أن الخطة ستمضي.",
            "مشددا",
            "محمد بن سلمان",
        ),
        # a role's complement في + a place named by its trigger noun, then a comma and the holder
        (
            "طالب رئيس هيئة البيئة في عاصمة النيجر نيامي، العقيد أوماراو ألوا، باستخدام الفحم، مؤكدا أن "
            "السلطات ستوقف الشاحنات.",
            "مؤكدا",
            "أوماراو ألوا",
        ),
        # a day after a comma is no name in apposition to the role
        ("وقال المسؤول الأوروبي، يوم الجمعة إن الأزمة كان لها تداعيات.", "قال", "المسؤول الأوروبي"),
        # a subject named before its verb, after لكن or opening the sentence
        (
            "وقال ترامب إن القوات ستنسحب، ولكن وزارة الدفاع الأمريكية أكدت أن القوات باقية.",
            "أكدت",
            "وزارة الدفاع الأمريكية",
        ),
    ],
)
def test_subject_found_in_the_discourse_or_before_the_verb(pipeline, text, cue, canonical):
    sp = _speaker_of(pipeline, text, cue)
    assert sp is not None and sp["canonical"] == canonical, sp


def test_a_report_inside_a_statement_is_part_of_it(pipeline):
    """Quotes do not nest: ترى inside what مضيفا introduced is part of that statement (the news
    gold set marks a separate ترى quote as a false positive), not a quote of its own."""
    text = "وقال المسؤول إن الطلقات كانت قريبة، مضيفا أن الولايات المتحدة ترى أن رازق كان الهدف."
    quotes = _quotes(pipeline, text)
    assert [q["cue"]["text"] for q in quotes] == ["قال", "مضيفا"]
    assert quotes[1]["quote"]["text"] == "الولايات المتحدة ترى أن رازق كان الهدف"


def test_a_plural_verb_is_no_participle(pipeline):
    """أكدوا ends in ا like مضيفا but is a verb whose subject comes before it, not "adding"."""
    text = "وقال ترامب إن القوات ستنسحب، ولكن مسؤولين أمريكيين كبار أكدوا أن القوات باقية."
    sp = _speaker_of(pipeline, text, "أكدوا")
    assert sp is not None and sp["canonical"] == "مسؤولين أمريكيين كبار", sp


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        ('وقال "يويفا" لبي بي سي إن العقوبة نهائية.', "قال", "يويفا"),  # a name in marks, then ل + the one told
        ("وقالت شركة «إيني» إن الحقل كبير.", "قالت", "شركة إيني"),  # a trigger and the name in marks
    ],
)
def test_a_short_quoted_name_is_the_subject(pipeline, text, cue, canonical):
    sp = _speaker_of(pipeline, text, cue)
    assert sp is not None and sp["canonical"] == canonical, sp


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        ("وجاء في بيان صادر عن الجيش الإسرائيلي أن الجنرال كان حاضرا.", "جاء في", "الجيش الإسرائيلي"),
        ("وقال بيان للجيش الإسرائيلي إن الجنرال كان حاضرا.", "قال", "الجيش الإسرائيلي"),  # not للجيش
        ("وجاء في بيان لوزارة الدفاع الأمريكية أن الجنرال كان حاضرا.", "جاء في", "وزارة الدفاع الأمريكية"),
        ("وأضاف بيان للجمعية الخيرية أن الحملة نجحت.", "أضاف", "الجمعية الخيرية"),  # spelled as written
        # a numbered report: the issuer after its number (التقرير الـ 51 لمؤسسة …)
        ("وأوضح التقرير الـ 51 لمؤسسة النقد العربي السعودي أن العمليات ارتفعت.", "أوضح", "مؤسسة النقد العربي السعودي"),
        (
            "وأوضح التقرير الذي صدر عن مؤسسة النقد العربي السعودي أن العمليات ارتفعت.",
            "أوضح",
            "مؤسسة النقد العربي السعودي",
        ),
        # لجنة is a word of its own, not ل + جنة
        ("وجاء في تقرير لجنة التحقيق أن الثقافة السائدة كانت سيئة.", "جاء في", "لجنة التحقيق"),
    ],
)
def test_a_document_speaks_for_the_body_named_after_it(pipeline, text, cue, canonical):
    sp = _speaker_of(pipeline, text, cue)
    assert sp["canonical"] == canonical
    assert text[sp["start"] : sp["end"]].startswith(("بيان", "تقرير", "التقرير"))


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        ("وقال لـ«عكاظ» مدير المستشفى إن الوضع جيد.", "قال", "مدير المستشفى"),
        ("وأوضح لـ(اليوم) مدير المستشفى أن الوضع جيد.", "أوضح", "مدير المستشفى"),
        ('أكد ل"الرياض" الشيخ فالح الشبلي بأن الوضع جيد.', "أكد", "فالح الشبلي"),
        ("وقال لوكالة الأنباء الألمانية مدير المستشفى إن الوضع جيد.", "قال", "مدير المستشفى"),
        # a two-word outlet in marks, no subject after it: the sentence's subject before the verb
        ("لكن محمد مختار المهدي، أكد لـ«الشرق الأوسط» أن الوزارة ترفض.", "أكد", "محمد مختار المهدي"),
        ("وأشارت إحدى زميلاتها إلى أن الصحفية كانت خائفة.", "أشارت", "إحدى زميلاتها"),  # one of her colleagues
        ("وقال قاضي المحكمة العليا أثناء الجلسة إن القانون باطل.", "قال", "قاضي المحكمة العليا"),
    ],
)
def test_the_newspaper_told_comes_before_the_subject(pipeline, text, cue, canonical):
    """وقال لـ«عكاظ» مدير …: the outlet spoken to is no speaker; the subject follows it."""
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


def test_the_platform_before_said_in_it_is_not_the_speaker(pipeline):
    """نشر تغريدة على تويتر قال فيها: the verb describes the tweet; its author speaks."""
    text = "ونشر الرئيس دونالد ترامب تغريدة على موقع تويتر قال فيها إن الاقتصاد قوي."
    assert _speaker_of(pipeline, text, "قال")["canonical"] == "دونالد ترامب"


def test_a_group_subject_carries_to_a_plural_participle(pipeline):
    """عدد من أصحاب المحلات (a singular verb) … مؤكدين: the group still speaks."""
    text = "وأوضح عدد من أصحاب المحلات أن الإقبال ضعيف هذا العام، مؤكدين أن الأسعار مرتفعة."
    assert _speaker_of(pipeline, text, "مؤكدين")["canonical"] == "عدد من أصحاب المحلات"


def test_a_described_subject_called_by_name_is_that_person(pipeline):
    """ناج آخر يدعى وائل فرجاني: the named person speaks, the description is the role; the
    article's later الفرجاني is the same person."""
    text = 'وقال ناج آخر يدعى وائل فرجاني إن القارب كان مكتظا.\nوقال الفرجاني "كان بإمكاننا أن نلامس الماء بأيدينا".'
    first, second = _quotes(pipeline, text)
    assert (first["speaker"]["canonical"], first["speaker"]["role"]) == ("وائل فرجاني", "ناج آخر")
    assert second["speaker"]["canonical"] == "وائل فرجاني"


def test_a_feminine_participle_takes_the_sentence_subject_not_a_body_before_it(pipeline):
    """… اجتماع الجمعية العامة …، مؤكدة على أن: مؤكدة is a participle (ة), like مؤكدا."""
    text = (
        "فاجأت كارين كنايسل، وزيرة خارجية النمسا، الحضور في اجتماع الجمعية العامة للأمم المتحدة، بعد أن"
        ' تحدثت باللغة العربية، مؤكدة على أن العربية "لغة مهمة وجميلة".'
    )
    assert _speaker_of(pipeline, text, "مؤكدة")["canonical"] == "كارين كنايسل"


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        (  # a role the lexicons lack, then the name: the person opens the discourse
            "أثارت سيدة الولايات المتحدة الأولى ميلانيا ترامب اهتماما واسعا بتغريدتها."
            ' وقالت: "نكره أن نرى الأطفال يبكون".',
            "قالت",
            "ميلانيا ترامب",
        ),
        (  # a fronted topic (وحول …) is no subject: the verb's own subject speaks
            "وحول موافقة الوزير ماجد القصبي على الجمعية، قدم الأمير عبدالله بن مساعد شكره للوزير"
            ' مضيفا: "هذا تعاون كبير".',
            "مضيفا",
            "عبدالله بن مساعد",
        ),
    ],
)
def test_the_opening_subject_of_the_sentence_speaks_for_an_implied_cue(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, canonical, role",
    [
        ("وقال المتحدث باسم الجبهة ويدعى القارئ حمزة إن الخبر صحيح.", "قال", "حمزة", "المتحدث باسم الجبهة"),
        ("ووصف العلماء عقار الكيتامين بأنه مفيد للمرضى.", "وصف", "العلماء", None),  # عقار is the object
        ("وأوضح عدد من جيران المبنى لـ«عكاظ» أن الحريق بدأ ليلا.", "أوضح", "عدد من جيران المبنى", None),
    ],
)
def test_where_the_subject_phrase_ends(pipeline, text, cue, canonical, role):
    """يدعى ("is called") names the speaker and is no speech verb; an indefinite word after a
    definite one is the object; the outlet told (لـ) is not part of the subject."""
    sp = _speaker_of(pipeline, text, cue)
    assert (sp["canonical"], sp["role"]) == (canonical, role)


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("سبق- الطائف: صدر أمر بتعيين مدير جديد", "سبق- الطائف:"),
        ("خالد الزهراني- سبق- الرياض: تشهد المدينة", "خالد الزهراني- سبق- الرياض:"),
        ("عين اليوم – جنيف قال رئيس اللجنة", "عين اليوم – جنيف"),
        ("سعد العمري – عين اليوم  أعلنت الوزارة", "سعد العمري – عين اليوم  "),
        ("الرياضي ـ وكالات نجح آرسنال في الفوز", "الرياضي ـ وكالات"),
        ("واس- الرياض: أطلقت الهيئة برنامجا", "واس- الرياض:"),
        # no place, outlet or credit among short pieces, or a piece too long: no dateline
        ("أكد وزير الخارجية - في مؤتمر صحفي: إن الاتفاق قريب", ""),
        ("قال الرئيس - وهو غاضب - إن الاتفاق انتهى", ""),
        ("قال وزير الخارجية السعودي عادل الجبير - الرياض: إن الاتفاق قريب", ""),
    ],
)
def test_credit_chains_at_the_head_of_an_article_are_datelines(pipeline, text, dateline):
    from khabar.document import Document
    from khabar.extractors.attribution import Attribution
    from khabar.extractors.context import Context

    ctx = Context(Document(text, "", pipeline.gazetteer), pipeline.gazetteer)
    assert text[: Attribution(ctx, [], [], []).opening] == dateline


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        (  # a participle after a new subject named with its role: not the sentence's first speaker
            'وكان ترامب قال في كلمة له: "سنفرض عقوبات"، وهو الأمر الذي رد عليه الرئيس الإيراني، حسن روحاني'
            " قائلا إن أمريكا فشلت.",
            "قائلا",
            "حسن روحاني",
        ),
        (  # the subject with its role, not the nearest name (a genitive after سراح)
            "وفي مأدبة عشاء، أعرب وزير الخارجية مايك بومبيو عن تفاؤله بإطلاق سراح برونسون قريباً"
            ' قائلاً: "أنا متفائل جدا".',
            "قائلاً",
            "مايك بومبيو",
        ),
        (  # a titled person inside what was reported (after إن) does not take the participle
            "وقال ناصر الدوسري إن رئيس المؤسسة المهندس محمد السويكت تابع الموقف بنفسه، مشيرا إلى أن المؤسسة"
            " تتابع الأسباب.",
            "مشيرا",
            "ناصر الدوسري",
        ),
        (  # nor does a role behind a preposition (لخادم الحرمين الشريفين الملك …)
            "وقدم رئيس اللجنة أحمد المقيرن التهنئة لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، مؤكدا أن"
            " القيادة حريصة على دعم الرياضة.",
            "مؤكدا",
            "أحمد المقيرن",
        ),
        (  # ل + a speech verb before the role is no preposition (ليعلق وزير الدفاع …)
            "وكانت الولايات المتحدة قد شنت غارة شمال سوريا، ليعلق بعدها وزير الدفاع الأمريكي، جيمس ماتيس،"
            ' قائلا: "الروس قالوا لنا إنهم لا يحتفظون بقوات".',
            "قائلا",
            "جيمس ماتيس",
        ),
        (  # the author named after a statement word (في بيان لـ …) speaks for the implied cue
            "جاء ذلك في بيان لوزارة الخارجية المصرية، داعيا الأطراف إلى ضبط النفس، ولافتا إلى أن الوضع خطير.",
            "لافتا",
            "وزارة الخارجية المصرية",
        ),
        ('جاء ذلك في تغريدة لدونالد ترامب على تويتر، حيث قال: "سنفوز".', "قال", "دونالد ترامب"),
        (  # a conjoined relative (والذي يقول) continues the first relative's antecedent
            'ومن بين هؤلاء المزارع محمد العلي، الذي يرفض استخدام اسمه الكامل، والذي يقول إن "النبات مربح".',
            "يقول",
            "محمد العلي",
        ),
    ],
)
def test_an_implied_cue_takes_the_subject_named_with_its_role_or_the_author(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a document word with a pronoun (في تقريرها) names its issuer before it
        (
            "توقعت هيئة الأرصاد الجوية في تقريرها اليومي أجواء حارة. وأورد التقرير أن الرياح ستكون نشطة.",
            "أورد",
            "هيئة الأرصاد الجوية",
        ),
        # an issuer that is no entity: the speaker of the cue beside the document's first mention
        (
            "وقال مؤتمر الإيغور في تقرير إن المعتقلين يعانون. وأضاف التقرير أن المعتقلين يعانون من سوء التغذية.",
            "أضاف",
            "مؤتمر الإيغور",
        ),
        # … not a person named in the sentence before
        (
            "تحتجز السلطات السجناء بأوامر من الرئيس شي جينبينغ. وصدر تقرير عن الاحتجاز. وأضاف التقرير أن"
            " المعتقلين يعانون.",
            "أضاف",
            "التقرير",
        ),
    ],
)
def test_a_document_speaks_for_its_issuer_in_its_own_sentence(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a group opening the sentence speaks for a plural verb after it
        ("وأجمل عدد من الطلاب معوقات كثيرة في الكلية، وزادوا أن الكلية ليس لها اعتماد.", "زادوا", "عدد من الطلاب"),
        # a fronted prepositional phrase and a comma before the verb and its subject
        (
            "وعلى وسائل التواصل الاجتماعي، سخر بعض المستخدمين من المصطلح، مشيرين إلى أن والديها ثريان.",
            "مشيرين",
            "بعض المستخدمين",
        ),
        # no speaker named yet: the subject of an earlier sentence, not nobody
        (
            "حذرت الوزيرة سارة الأحمد من أزمة غذائية كبرى. ويعاني ملايين الأطفال من الجوع في المنطقة."
            ' وقالت: "إن الأوضاع تنذر بالكارثة".',
            "قالت",
            "سارة الأحمد",
        ),
    ],
)
def test_an_implied_cue_reaches_back_to_a_subject(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        ("وكانت تقارير إخبارية قد أوردت أنه تم العثور على قطع حطام.", "أوردت", "تقارير إخبارية"),
        ("وكان وزير الخارجية عادل الجبير قد أكد أن المملكة مستعدة.", "أكد", "عادل الجبير"),
    ],
)
def test_a_subject_between_kana_and_qad_speaks(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a verb describing a statement (تغريدة تقول) speaks for the subject that issued it
        (
            'وفي وقت سابق الأربعاء، نشرت مدرسة عامة في المنطقة تغريدة تقول "إن الطلبة سمعوا إطلاق نار".',
            "تقول",
            "مدرسة عامة",
        ),
        ("وأصدرت وزارة الداخلية بيانا يقول إن التحقيقات جارية.", "يقول", "وزارة الداخلية"),
    ],
)
def test_a_statement_noun_before_the_verb_speaks_for_its_author(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, not_speaker",
    [
        ("وقال مدير مكتب الشركة إن الزيارة مهمة.", "قال", "الشركة"),  # a genitive, not an apposition
        ("قال الرئيس التركي، رجب طيب #أردوغان، إن الاقتصاد قوي.", "قال", "رجب طيب"),  # the name goes on
    ],
)
def test_no_partial_or_genitive_name_after_a_role(pipeline, text, cue, not_speaker):
    assert _speaker_of(pipeline, text, cue)["canonical"] != not_speaker


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # نقلت القناة عن X قوله: X speaks whatever the gender of the outlet's verb; قوله is no part of X
        ("ونقلت قناة الإخبارية السعودية عن النائب العام قوله إن التحقيقات مستمرة.", "نقلت", "النائب العام"),
        ("ونقلت الصحيفة عن مصدر مطلع قوله إن الاتفاق قريب.", "نقلت", "مصدر مطلع"),
    ],
)
def test_the_one_quoted_after_naqala_an_speaks(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


# An unnamed source keeps its whole description: the genitive after its head, a name in quotation
# marks, في/ب + a body or a genitive chain. Not a date, a statement, the one told, قوله, a verb's
# object after a sound plural, nor a person whose office it is.
@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        ("وقال مسؤولون في قطاع الطاقة إن تركيا ستنشر دوريات.", "قال", "مسؤولون في قطاع الطاقة"),
        ("وقال مسؤول بقطاع الطاقة: «المخاطر كبيرة».", "قال", "مسؤول بقطاع الطاقة"),
        ("وقال ممثلو الادعاء إنهم وجدوا برمجيات على حاسوبه.", "قال", "ممثلو الادعاء"),
        ("من جانبه، قال مؤذن مسجد الهداية: إن عدد المصلين انخفض.", "قال", "مؤذن مسجد الهداية"),
        ("وقال موقع «ليبيا المستقبل» إن الشحنة تتضمن مركبات مدرعة.", "قال", "موقع «ليبيا المستقبل»"),
        ("وقال مسؤول الخميس إن الوضع مستقر.", "قال", "مسؤول"),
        ("وقال مسؤول في بيان إن الوضع مستقر.", "قال", "مسؤول"),
        ("ونقلت وكالة رويترز عن شاهد قوله إن القوات دخلت المدينة.", "نقلت", "شاهد"),
        # the relaying verb's other ways of naming whose words it carries: على لسان X، قول X
        ("ونقلت الوكالة على لسان وزير الخارجية سامح شكري قوله إن الاتفاق قريب.", "نقلت", "سامح شكري"),
        ("ونقلت وكالة رويترز قول وزير الخارجية سامح شكري إن الاتفاق قريب.", "نقلت", "سامح شكري"),
        ("ووصف محللون القرار بأنه خاطئ.", "وصف", "محللون"),
        ("وقال مصدر مسؤول في مكتب صالح الصماد، الرئيس، إن المحادثات بدأت.", "قال", "مصدر مسؤول"),
        ("وقال مسؤول كبير لشبكة فوكس نيوز الإخبارية إن الوضع خطير.", "قال", "مسؤول كبير"),
        # a trigger and the name the document gives it; the places that locate the source
        ("وقال مسؤولون في بلدية ترير إن الحادث وقع صباحا.", "قال", "مسؤولون في بلدية ترير"),
        (
            "وقال مسؤولون في منطقة بويبلو في كولورادو إن الحادث وقع.",
            "قال",
            "مسؤولون في منطقة بويبلو في كولورادو",
        ),
        # an adjective's complement (الموالي لـ، مطلع على)
        (
            "وقال مسؤول عسكري في الجيش الموالي للحكومة إن القوات تقدمت.",
            "قال",
            "مسؤول عسكري في الجيش الموالي للحكومة",
        ),
        ("وقال مصدر مطلع على التحقيقات إن الهجوم فشل.", "قال", "مصدر مطلع على التحقيقات"),
        ("وقالت تحقيقات الداخلية التابعة لحماس إن الخلية كانت تخطط.", "قالت", "تحقيقات الداخلية التابعة لحماس"),
        ("ولفت العسكري الفرنسي السابق إلى أن الرئيس عقد اجتماعا.", "لفت", "العسكري الفرنسي السابق"),
        # a plural in construct and its genitive; two sources joined by و
        ("وقال مسؤولو صحة إن الوباء انتشر.", "قال", "مسؤولو صحة"),
        # an indefinite genitive right before the complementizer; خاصة qualifies a source
        ("قال خبراء أسلحة وذخائر، إن الصاروخ روسي.", "قال", "خبراء أسلحة وذخائر"),
        ("قالت مصادر خاصة أن الميليشيا استقدمت الشباب.", "قالت", "مصادر خاصة"),
        ("وقال شهود للمحكمة إن المتهم كان هناك.", "قال", "شهود"),
        # (nor the outlet or the reporters told, after a body or an adjective)
        ("وقال ضابط في الشرطة المحلية لبي بي سي إن القتلى عشرة.", "قال", "ضابط في الشرطة المحلية"),
        ("وقال سكان محليون للصحفيين إن القتلى عشرة.", "قال", "سكان محليون"),
        ("وقال نشطاء ومسعفون إن القصف استمر.", "قال", "نشطاء ومسعفون"),
        # (not the outlet told, after ل)
        ("وقال شاهد عيان لوكالة فرانس برس إن القصف استمر.", "قال", "شاهد عيان"),
        ("وقال مصدر لشبكة CNN إن القصف استمر.", "قال", "مصدر"),
    ],
)
def test_an_unnamed_source_keeps_its_whole_description(pipeline, text, cue, speaker):
    found = _speaker_of(pipeline, text, cue)
    assert (found["text"], found["canonical"]) == (speaker, speaker)


# وصف، أبلغ، أخبر take a direct object: one noun phrase before أن/بأن is that object, and the
# speaker is the one the article was speaking of; a subject and an object both stay readable.
@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        (
            "وقالت الرئيسة التنفيذية للشركة، أليسون بريتين، إن الصفقة جيدة. ووصفت بيع كوستا بأنه صفقة رابحة.",
            "وصفت",
            "أليسون بريتين",
        ),
        ("وقال ياماساكي إنه بريء، لكنه أخبر السلطات بأنه كان يطعمه كل يوم.", "أخبر", "ياماساكي"),
        ("ووصف هوريس إنغدال، عضو الأكاديمية، الاستقالات بأنها خسارة.", "وصف", "هوريس إنغدال"),
        (
            "واستثمر الأمير الوليد بن طلال في الشركة. ووصف الأمير الوليد سنابشات بأنها منصة مبدعة.",
            "وصف",
            "الوليد بن طلال",
        ),
    ],
)
def test_the_object_of_wasafa_is_not_the_speaker(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


def test_the_paper_told_is_not_the_speaker(pipeline):
    text = "وقال كونتي إنه درس هناك. لكن متحدثة باسم الجامعة قالت لصحيفة نيويورك تايمز إنه ليس هناك تسجيل."
    assert _speaker_of(pipeline, text, "قالت")["canonical"] == "متحدثة باسم الجامعة"


# A participle takes the subject of the speech verb before it in its sentence when a name follows
# that verb, though the verb has no quotation of its own; the next وأضاف goes on with that speaker,
# not with the speaker of an earlier sentence (BBC Arabic, BB-internationalNews-576-20180527, ANT
# corpus, Apache-2.0).
@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        (
            "وحذر مسؤولون في المملكة المتحدة في وقت سابق من هذا الأسبوع، الاتحاد الأوروبي من أن مقاربته قد تؤدي إلى"
            " الإضرار بعلاقاته الأمنية.\nوفي كلمته أمام تجمع لقانونيين في البرتغال، السبت، دعا بارنييه إلى مزيد من"
            ' الوضوح في موقف المملكة المتحدة، قائلا إن "المفاوضات الفعالة تعتمد على معرفة ما يريده الطرف الآخر".\n'
            'وأضاف أن الاتحاد الأوروبي مستعد لقبول تعديل على "الخطوط الحمراء" لتيريزا ماي.',
            "أضاف",
            "بارنييه",
        ),
    ],
)
def test_a_participle_takes_the_subject_of_the_verb_before_it(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


def test_a_role_with_a_rank_and_its_holder(pipeline):
    text = "إلى ذلك قال آمر كتيبة لواء أول مشاة التابعة للجيش الليبي العقيد حامد بالخير، إنه يتوجب الحذر."
    speaker = _speaker_of(pipeline, text, "قال")
    assert (speaker["canonical"], speaker["role"]) == ("حامد بالخير", "آمر كتيبة لواء أول مشاة التابعة للجيش الليبي")


# Whether a heading ends in a line break or runs into the sentence, the name after the verb is its
# subject (VSO); بين before one person is the name Ben.
@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        (
            'ريتشارد غيتس\nأقر ريتشارد غيتس بالتآمر، ووافق على التعاون "الكامل في كل الجوانب" مع التحقيق.',
            "أقر",
            "ريتشارد غيتس",
        ),
        (
            'ريتشارد غيتس أقر بول مانافورت بالتآمر، ووافق على التعاون "الكامل في كل الجوانب" مع التحقيق.',
            "أقر",
            "بول مانافورت",
        ),
        ("وقال بين ستانتون، المحلل في شركة كاناليس، إن خطة أبل ساعدت على دفع الأسهم.", "قال", "ستانتون"),
    ],
)
def test_the_subject_after_the_verb_and_before_it(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, speaker, canonical",
    [
        # a name in quotation marks ends the role phrase: its holder (not the agency told in marks)
        (
            "من جانبه، أوضح مدير فرع جمعية الثقافة والفنون في بيشة “سياف آل خشيل”، أن البازار الأول من نوعه.",
            "أوضح",
            "سياف آل خشيل",
            "سياف آل خشيل",
        ),
        (
            'وقال المسؤول الأمريكي لوكالة "فرانس برس" إن "الأنظمة الأربعة ستعود".',
            "قال",
            "المسؤول الأمريكي",
            "المسؤول الأمريكي",
        ),
        # a statement issued by "the ministry": the ministry named before
        (
            "أعلنت وزارة الخارجية في كوريا الشمالية قرارها. وقال بيان صادر عن الوزارة إن التفكيك سيتم قريبا.",
            "قال",
            "بيان صادر عن الوزارة",
            "وزارة الخارجية",
        ),
        # قال عنها X: "said of it", X speaks
        (
            "بدأت أنقرة ضربات جوية في حملة قال عنها رئيس الوزراء أحمد داود أوغلو إنها «قتال للإرهاب».",
            "قال",
            "أحمد داود أوغلو",
            "أحمد داود أوغلو",
        ),
        # the conjunction is no part of the source; والد is a word of its own
        (
            "وقال باحثون إن النص قديم. فالسيرة النبوية تشير إلى أن الوحي أنزل قديما.",
            "تشير",
            "السيرة النبوية",
            "السيرة النبوية",
        ),
        ("وقال والد الشهيد إن ابنه كان بطلا.", "قال", "والد الشهيد", "والد الشهيد"),
        # a definite description, then the person it describes: the person speaks (not a cut phrase)
        (
            'وقال والد الطفلة المواطن هادي حسن مسعود الفيفي لـ"سبق": قمت بإدخال ابنتي إلى المستشفى.',
            "قال",
            "هادي حسن مسعود الفيفي",
            "هادي حسن مسعود الفيفي",
        ),
        (
            "وقال أحد سكان المنطقة عبدالله الفريح إن الحي يعاني من الظلام.",
            "قال",
            "عبدالله الفريح",
            "عبدالله الفريح",
        ),
        # … but a name after a preposition, or after a title that belongs to it, is whose, not who
        (
            "واعتبر المؤيدون لترامب أن الحملة ضده جزء من حرب سياسية.",
            "اعتبر",
            "المؤيدون",
            "المؤيدون",
        ),
        (
            "وقال منتقدو الرئيس رجب طيب أردوغان إن الانتخابات لم تكن نزيهة.",
            "قال",
            "منتقدو الرئيس رجب طيب أردوغان",
            "منتقدو الرئيس رجب طيب أردوغان",
        ),
        # … and a relative's relative: a name after a relational noun's genitive is that person's
        (
            "وقال والد السجين عزمي نفاع إن ابنه مريض.",
            "قال",
            "والد السجين عزمي نفاع",
            "والد السجين عزمي نفاع",
        ),
    ],
)
def test_where_a_subject_phrase_starts_and_ends(pipeline, text, cue, speaker, canonical):
    found = _speaker_of(pipeline, text, cue)
    assert (found["text"], found["canonical"]) == (speaker, canonical)


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # ابن + the last word of a nasab named before: that person
        ("وقال الشيخ راشد بن زومه إن الأمر مهم. وأضاف ابن زومه أن الحل قريب.", "أضاف", "راشد بن زومه"),
        # أبو + a word, written joined or apart, is one name word
        ("وقال الدكتور إبراهيم أبوعباة إن الأمر مهم. وأضاف أبو عباة أن الحل قريب.", "أضاف", "إبراهيم أبوعباة"),
        # وقال بليند لموقع يونايتد: ل + an outlet ends the subject, so بليند is a name, and the first
        # mention دالي بليند gives its full form
        (
            'ربما يفتقر دالي بليند للطول والقوة. وقال بليند لموقع يونايتد على الانترنت "حققنا فوزا كبيرا اليوم".',
            "قال",
            "دالي بليند",
        ),
        # given names whose first letters ال are no article open a name
        ("لندن (CNN)— قال اليستر بيرت، وزير الدولة البريطاني، إن بلاده تريد الحل.", "قال", "اليستر بيرت"),
        ("من جهته قال عضو الأمانة العامة لقوى 14 آذار الياس الزغبي: إن التخوف كبير.", "قال", "الياس الزغبي"),
        # ويذكر أن … is the narrator's "it is noted that", not a report: the person named with a role
        # after it is the participle's subject
        (
            "وقالت الشرطة إن التحقيق مستمر. يذكر أن رئيس الوزراء الكندي، جاستن ترودو، كان قد علق على "
            "الحادث قائلا إن التعليقات الرسمية ستأتي لاحقا.",
            "قائلا",
            "جاستن ترودو",
        ),
        # an adverb, "according to", the one spoken to or the verb's object is no speaker: the
        # speaker is the one of the discourse
        ("وقال لافروف إن بلاده سترد. وكان لافروف قد أكد سابقا أن بلاده سترد على الاستفسارات.", "أكد", "لافروف"),
        ('وقال سامر سالم إن الفريق جاهز، وتابع حديثه بالقول "إن الجماهير تستحق الفوز".', "تابع", "سامر سالم"),
        # … nor a time phrase (written after dev12/dev13's first look)
        ('وأكد جيم راتكليف أن بريطانيا قوية، وقال عام 2015 "إن المملكة المتحدة يمكن أن تزدهر".', "قال", "جيم راتكليف"),
        # … but a relative with a pronoun attached speaks (his mother)
        ("قتل الشاب في الحادث. وقالت والدته إنه كان يعمل في المدينة.", "قالت", "والدته"),
        # an unlisted name between commas after a role holds it
        ('أما زعيم المعارضة، جيرمي كوربن، فقال " إن مقتل العشرات من المتظاهرين لا يمكن تبريره".', "قال", "جيرمي كوربن"),
    ],
)
def test_names_written_otherwise_and_words_that_never_speak(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, canonical, said",
    [
        # a relative clause whose verb reaches its إن a few words on: the antecedent speaks
        (
            "كما أن أنقرة التي تنفي تماما أن يكون لها يد في الأمر تواصل الضغط.",
            "تنفي",
            "أنقرة",
            "يكون لها يد في الأمر تواصل الضغط",
        ),
        # … and قال فيها إن after a noun the speaker owns: the one named before
        (
            "ويواجه جونسون تحقيقا بسبب تعليقاته التي قال فيها إن مرتديات البرقع يشبهن صناديق البريد.",
            "قال",
            "جونسون",
            "مرتديات البرقع يشبهن صناديق البريد",
        ),
    ],
)
def test_speech_in_a_relative_clause(pipeline, text, cue, canonical, said):
    (q,) = [q for q in pipeline.extract(text) if q["type"] == "quote" and q["cue"]["text"] == cue]
    assert (q["speaker"]["canonical"], q["quote"]["text"]) == (canonical, said)


# في البيان / في بيانه after a subject says where it was said: no part of the role or the body;
# a bare المتحدث after the same role was given with باسم is that spokesperson.
@pytest.mark.parametrize(
    "text, cue, speaker, canonical",
    [
        ("وقال المتحدث في بيانه إن القوات مستمرة.", "قال", "المتحدث", "المتحدث"),
        ("وقالت الشركة في بيانها إن الأرباح ارتفعت.", "قالت", "الشركة", "الشركة"),
        (
            "وأعلن المتحدث باسم القوات المسلحة المصرية الحصيلة. وقال المتحدث في البيان إن القوات مستمرة.",
            "قال",
            "المتحدث",
            "المتحدث باسم القوات المسلحة المصرية",
        ),
        (
            "وقال المتحدث باسم الكرملين ديميتري بيسكوف إن الأمر خطير. وأكد المتحدث أن الحوار مستمر.",
            "أكد",
            "المتحدث",
            "ديميتري بيسكوف",
        ),
    ],
)
def test_the_statement_is_no_part_of_the_speaker(pipeline, text, cue, speaker, canonical):
    found = _speaker_of(pipeline, text, cue)
    assert (found["text"], found["canonical"]) == (speaker, canonical)


# A long role runs past what the phrase reader takes; its holder's name before أن still speaks
# (the first person after a definite word, a title or a body; a person after an indefinite noun
# is a genitive). Not an unnamed source's, not a person met after a pronoun-bearing noun.
@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        (
            "وأوضح المشرف العام على العلاقات العامة والإعلام بوزارة الحج علي بن محمد الغامدي أن الوزارة رصدت مبالغة.",
            "أوضح",
            "علي بن محمد الغامدي",
        ),
        (
            "أوضح أمين منطقة جازان رئيس اللجنة المحلية للانتخابات البلدية بالمنطقة المهندس محمد بن حمود الشايع أن"
            " عدد المراكز زاد.",
            "أوضح",
            "محمد بن حمود الشايع",
        ),
        (
            "وكشف مسؤول الرقابة عن المنشطات في الوفد السعودي عبدالعزيز المسعد أن عدد العينات سيصل الى 1920 عينه.",
            "كشف",
            "عبدالعزيز المسعد",
        ),
        (
            "وقال رئيس قسم العلاقات العامة والإعلام في مؤسسة اسباير زون حسين القحطاني “إحياءً لليلة القرنقعوه”.",
            "قال",
            "حسين القحطاني",
        ),
        (
            "وحصلت الممثلة البريطانية على جائزة، عن أداء دور الملكة إليزابيث الثانية في مسلسل. وقالت إنها سعيدة.",
            "قالت",
            "الممثلة البريطانية",
        ),
        (
            "وقالت مصادر مقربة من عائلة الإعلامي السعودي جمال خاشقجي إن الأمر خطير.",
            "قالت",
            "مصادر مقربة من عائلة الإعلامي السعودي",
        ),
        (
            "وأكد وزير الخارجية خلال لقائه نظيره الأمريكي مايك بومبيو أن العلاقات قوية.",
            "أكد",
            "وزير الخارجية",
        ),
    ],
)
def test_a_long_role_and_its_holder(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


# Nothing named speaks: the role, source or body that is the subject of the sentence's opening
# verb speaks for a participle, as the article says it; not any noun (وتصاعد الغضب).
@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        (
            "وتوقعت المنظمة أن تجتذب السياحة أكثر من 93 مليون سائح، مشيرة إلى أن حجم الإنفاق سيرتفع.",
            "مشيرة",
            "المنظمة",
        ),
        ("وتصاعد الغضب في الشوارع أمس، مشيرا إلى أن الحكومة فشلت.", "مشيرا", None),
    ],
)
def test_an_unnamed_opening_subject_speaks_for_a_participle(pipeline, text, cue, canonical):
    assert (_speaker_of(pipeline, text, cue) or {}).get("canonical") == canonical


# A one-word name right after an indefinite role word is its genitive: the lawyer speaks, not
# his client; a definite or possessed role, or a full name, stands in apposition.
@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        ("واعتقل القس الأمريكي أندرو برونسون في تركيا. وقال محامي برونسون إن موكله بريء.", "قال", "محامي برونسون"),
        ("وقال رئيس الوزراء بنيامين نتنياهو إن الأمر خطير.", "قال", "بنيامين نتنياهو"),
    ],
)
def test_a_name_after_an_indefinite_role_is_its_genitive(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a relative clause set off by a comma from the name it describes, or from a role in apposition
        ("والتقى الوفد خالد بن سلمان، الذي قال إن الادعاءات زائفة.", "قال", "خالد بن سلمان"),
        (
            "وصدرت تصريحات عن الجنرال جون هايتن، قائد القوة النووية، الذي قال في نوفمبر إنه قد يرفض الأمر.",
            "قال",
            "جون هايتن",
        ),
        # a quotation the words before the cue point back to ("…".. بهذه الكلمات أعلن …)
        (
            'وخسر المنتخب.\n"نتيجة مؤسفة".. بهاتين الكلمتين وصف رئيس الهيئة، تركي آل الشيخ، الخسارة.',
            "وصف",
            "تركي آل الشيخ",
        ),
        # قوله after the verb is what was said, not who said it
        ('وقال الوزير سيرغي لافروف إن الوضع صعب. وأضاف قوله: "زملاؤنا تمادوا كثيرا."', "أضاف", "سيرغي لافروف"),
    ],
)
def test_relative_clauses_and_words_of_saying(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


def test_participle_after_a_fronted_adverbial_takes_the_verbs_subject(pipeline):
    text = (
        "وقال الوزير خالد بن سلمان إن العلاقات جيدة. وسط تصاعد التوترات بين السعودية وكندا، أعلنت الرياض "
        "عن عدد من الإجراءات، مشيرة إلى أنها تبحث خيارات أخرى."
    )
    assert _speaker_of(pipeline, text, "مشيرة")["canonical"] == "الرياض"


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # the subject of the speech verb earlier in the sentence, not a person named in its apposition
        (
            "أكدت ميلانيا ترامب، زوجة الرئيس الأمريكي، دونالد ترامب، أنها لا تتفق مع بعض تغريدات زوجها، "
            "مشيرة إلى أنها تعبر عن رأيها.",
            "مشيرة",
            "ميلانيا ترامب",
        ),
        # … nor its object (دعا X Y: X calls on Y)
        (
            "كما دعا بيراوي وزير الخارجية البريطاني جيريمي هانت للتدخل لحماية السفن، "
            "موضحا أن اثنين من المشاركين بريطانيان.",
            "موضحا",
            "بيراوي",
        ),
        # … nor a place named before the verb (على صفحته بموقع فيسبوك أعلن البركاني)
        (
            "وعلى صفحته بموقع فيسبوك أعلن البركاني عن المبادرة، مشيرا إلى أن شخصيات من تعز شاركته في صياغتها.",
            "مشيرا",
            "البركاني",
        ),
        # a verb inside what was reported does not govern the participle (الذي طالب …)
        (
            "وأوضح بالخير أن الشعب الليبي هو الذي طالب بالفريق خليفة حفتر لقيادة المؤسسة، لافتاً أنه يطالب "
            "مجلس النواب بالدعم.",
            "لافتاً",
            "بالخير",
        ),
        # nor a relative clause's verb (الدعوات التي طالبت جونسون)…
        (
            "ودعمت رئيسة الوزراء البريطانية، تيريزا ماي، الدعوات التي طالبت جونسون بالاعتذار، "
            "قائلة إن إشارته تسببت بإساءة واضحة.",
            "قائلة",
            "تيريزا ماي",
        ),
        # … unless a pronoun points back to the relative: its own subject follows (الذي رد عليه روحاني)
        (
            'وكان ترامب قال في كلمة له: "لن نمنع إيران من صنع قنبلة،" متوعدا بعقوبات، وهو الأمر الذي رد عليه '
            'الرئيس الإيراني، حسن روحاني قائلا إن أمريكا "فشلت بالالتزام بتعهداتها".',
            "قائلا",
            "حسن روحاني",
        ),
    ],
)
def test_a_participle_takes_the_subject_of_the_speech_verb_before_it(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a description given with the name (after a comma, or a noun with its pronoun before it)
        # names the person a later speaker phrase with the same head describes
        (
            "طلبت خديجة جنكيز، خطيبة الصحفي جمال خاشقجي من الرئيس المساعدة. وروت خطيبة خاشقجي الأحداث، "
            "إذ كتبت أن خطيبها ذهب إلى القنصلية.",
            "كتبت",
            "خديجة جنكيز",
        ),
        (
            "نفى رونالدو المزاعم، وفقا لبيان محاميه بيتر كريستيانسين. ولفت محامي اللاعب البرتغالي إلى أن "
            "رونالدو ينكر المزاعم.",
            "لفت",
            "بيتر كريستيانسين",
        ),
        # … not the verb's object after a name set off by commas
        (
            "حذر الرئيس الأمريكي، دونالد ترامب، الحكومة السورية من الضربة. وقالت الحكومة السورية إن التهديد مرفوض.",
            "قالت",
            "الحكومة السورية",
        ),
        # … and an anonymous source keeps its phrase
        (
            "قال المتحدث سامي عبيد، مسؤول في الحركة، إن الوضع هادئ. وقال مسؤول في الحركة إن الهجوم فشل.",
            "قال مسؤول",
            "مسؤول في الحركة",
        ),
    ],
)
def test_a_description_given_with_a_name_links_a_later_speaker(pipeline, text, cue, canonical):
    quotes = [q for q in _quotes(pipeline, text) if q["cue"]["text"] == cue.split()[0]]
    speaker = quotes[-1]["speaker"] if len(cue.split()) > 1 else _speaker_of(pipeline, text, cue)
    assert speaker["canonical"] == canonical


@pytest.mark.parametrize(
    "text, speaker",
    [
        # ل + a definite noun or a verbal noun after a definite phrase is its genitive: "of", not "to"
        ("وقال المكتب الإعلامي للحكومة إن القصف مستمر.", "المكتب الإعلامي للحكومة"),
        ("وقالت الوكالة الماليزية لمكافحة الفساد إن التحقيق مستمر.", "الوكالة الماليزية لمكافحة الفساد"),
        ("وقالت وكالة تونس الرسمية للأنباء إن التحقيق مستمر.", "وكالة تونس الرسمية للأنباء"),
        # … but those told stay out: journalists, an outlet, a named body
        ("وقالت الشرطة البريطانية للصحفيين إن التحقيق مستمر.", "الشرطة البريطانية"),
        ("وقال المسؤول السعودي للصحيفة إن التحقيق مستمر.", "المسؤول السعودي"),
        ("وقالت الوزارة الأمريكية لرويترز إن التحقيق مستمر.", "الوزارة الأمريكية"),
    ],
)
def test_a_lam_genitive_belongs_to_the_subject(pipeline, text, speaker):
    (quote,) = _quotes(pipeline, text)
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # an adjective agrees with a definite noun in definiteness: an indefinite word after it is the object
        ("كشفت الشرطة الهولندية هوية المشتبه به، قائلة إنه من أصول أفغانية.", "الشرطة الهولندية"),
        # … and an adjective joined by و keeps its article (والتركية)
        ("وقالت السلطات القطرية والتركية إن التحقيق مستمر.", "السلطات القطرية والتركية"),
    ],
)
def test_adjectives_agree_in_definiteness(pipeline, text, speaker):
    (quote,) = _quotes(pipeline, text)
    assert quote["speaker"]["canonical"] == speaker


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # أما + the topic + ف + the verb: the topic speaks, also a name no list holds
        ("وقال آرثر إن القرار صائب. أما غاريث لي فقال إن القضية جعلته يشعر بالظلم.", "قال", "غاريث لي"),
        # … but a subject after the verb outranks a topic phrase with a preposition
        ("وأما عن الاقتصاد فقال الوزير إن النمو جيد.", "قال", "الوزير"),
    ],
)
def test_amma_topic_speaks(pipeline, text, cue, canonical):
    assert _quotes(pipeline, text)[-1]["speaker"]["canonical"] == canonical


def test_an_honorific_after_a_speech_verb_is_no_name(pipeline):
    text = (
        "حث معالي المستشار بالديوان الملكي الشيخ الدكتور صالح بن عبدالله بن حميد الشباب على العودة. "
        "كما أوضح معاليه أن المملكة كشفت للجميع حقيقة المسار الصحيح."
    )
    assert _speaker_of(pipeline, text, "أوضح")["canonical"] == "صالح بن عبدالله بن حميد"
    assert "معاليه" not in {r["text"] for r in pipeline.extract(text) if r["type"] == "entity"}


def test_nasab_links_and_the_father_is_another_person(pipeline):
    text = (
        "أكد الشيخ راشد بن عبدالله آل خليفة وزير الداخلية أن التدخلات مرفوضة. "
        "وقال بن عبد الله في تصريح له إن البحرين لن تتردد في حماية شعبها."
    )
    assert _speaker_of(pipeline, text, "قال")["canonical"] == "راشد بن عبدالله آل خليفة"  # (عبد الله = عبدالله)
    text = "استقبل الأمير محمد بن سلمان بن عبدالعزيز الوفد. وكان الملك سلمان بن عبدالعزيز قد قال إن العلاقات قوية."
    entities = {r["text"]: r["canonical"] for r in pipeline.extract(text) if r["type"] == "entity"}
    assert entities["سلمان بن عبدالعزيز"] == "سلمان بن عبدالعزيز"  # the father, not محمد بن سلمان


def test_scripture_quoted_by_the_speaker(pipeline):
    text = (
        'وقال الشيخ سعود الشريم إن الفتن ستزول. وقال صلى الله عليه وسلم: "لعن الله اليهود". '
        'وأفاد أن الإسلام نهى عن المحاباة. وقال تعالى: "إن الله لقوي عزيز". وأضاف أن المواطنين ثابتون.'
    )
    speakers = [(q["cue"]["text"], q["speaker"]["canonical"]) for q in _quotes(pipeline, text)]
    assert speakers == [
        ("قال", "سعود الشريم"),
        ("قال", "النبي محمد"),  # the eulogy names the Prophet
        ("أفاد", "سعود الشريم"),  # … and the preacher goes on speaking
        ("قال", "الله"),
        ("أضاف", "سعود الشريم"),
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("وقالت صحيفة نيويورك تايمز إن الرئيس غاضب.", "صحيفة نيويورك تايمز"),  # a trigger and a listed body
        ("وقال أكثر من نصف المشاركين إن الوضع سيئ.", "أكثر من نصف المشاركين"),  # أكثر من + a group
    ],
)
def test_trigger_with_a_body_and_quantified_groups(pipeline, text, speaker):
    (quote,) = _quotes(pipeline, text)
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a name in marks after the subject phrase, then إن: the name speaks, and the name is no quotation
        (
            'فيما قالت المنظمة التابعة له "التحالف من أجل القيم المشتركة" في بيان إن الرجل بدا مسلحا.',
            "التحالف من أجل القيم المشتركة",
        ),
        ('وقالت وكالة أنباء "فارس" إن الرجل بدا مسلحا.', "فارس"),
        # … not a genitive's name (مطعم "ريد هين"), nor an anonymous source's body
        ('وقال منتقدو قرار مطعم "ريد هين" إن القرار ظالم.', "منتقدو قرار مطعم"),
    ],
)
def test_a_name_in_marks_after_the_subject(pipeline, text, speaker):
    (quote,) = _quotes(pipeline, text)
    assert quote["speaker"]["text"] == speaker
    assert quote["kind"] == "indirect"


@pytest.mark.parametrize(
    "text, speaker",
    [
        # adjectives of bodies without a nisba ending (العامة، العليا) and a name in brackets after a trigger
        (
            "الهيئة السعودية العامة للاستثمار أعلنت بالتزامن مع الزيارة أن الاستثمارات كبيرة.",
            "الهيئة السعودية العامة للاستثمار",
        ),
        ("وقالت شركة (ديستريس أليرت) للإسعاف إن المرأة توفيت.", "شركة ديستريس أليرت"),
    ],
)
def test_body_adjectives_and_bracketed_names(pipeline, text, speaker):
    (quote,) = _quotes(pipeline, text)
    assert quote["speaker"]["canonical"] == speaker


@pytest.mark.parametrize(
    "text, canonical",
    [
        # a relative clause on a statement (والتي قال فيها): its author, named after the statement noun
        (
            "رد الأمين العام لحزب الله، حسن نصر الله، على تصريحات رئيس الوزراء اللبناني، سعد الحريري، "
            "والتي قال فيها إن تيار المستقبل تعرض لمحاولة إقصاء.",
            "سعد الحريري",
        ),
        ('وتناقل نشطاء على مواقع التواصل تصريحات الشيرازي والتي قال فيها: "الآن عندما يريدون".', "الشيرازي"),
    ],
)
def test_the_author_of_a_statement_in_a_relative_clause(pipeline, text, canonical):
    (quote,) = _quotes(pipeline, text)
    assert quote["speaker"]["canonical"] == canonical


def test_an_honorific_goes_with_its_rank(pipeline):
    # سموه is a prince's: not the king named nearer
    text = (
        "أكد الأمير جلوي بن عبدالعزيز بن مساعد أمير المنطقة أن الجنود أبطال. وشكر خادم الحرمين الشريفين الملك "
        'سلمان بن عبدالعزيز على دعمه. وأضاف سموه: "إن الله أنعم علينا بنعم كثيرة".'
    )
    assert _speaker_of(pipeline, text, "أضاف")["canonical"] == "جلوي بن عبدالعزيز بن مساعد"
    # … nor a minister named nearer: the one whose title phrase holds the honorific's rank
    text = (
        "تفقد صاحب السمو الملكي الأمير سعود بن نايف بن عبدالعزيز المصابين، بحضور معالي وزير الصحة المهندس"
        ' خالد الفالح. وقال سموه: "إن الدولة تتابع حالتهم".'
    )
    assert _speaker_of(pipeline, text, "قال")["canonical"] == "سعود بن نايف بن عبدالعزيز"


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # the role, a nationality, then the holder: the implied speaker of the next sentence is the holder
        (
            'بدأ العالم الأسترالي ديفيد غودال رحلة حول العالم. ويقول: "لست سعيدا لبلوغ هذا العمر".',
            "يقول",
            "ديفيد غودال",
        ),
        # a chain of roles, a construct of coordinated offices and honorifics before the name
        (
            "أوصى المستشار بالديوان الملكي عضو هيئة كبار العلماء إمام وخطيب المسجد الحرام الشيخ الدكتور "
            "صالح بن عبدالله بن حميد الشباب بالعودة. وأكد أن الأمة بخير.",
            "أكد",
            "صالح بن عبدالله بن حميد",
        ),
        # two ranks before an unseen name
        ("وقال البريغادير جنرال أيسابيلو ريفيرا، المتحدث باسم الحرس الوطني، إن تسعة قتلوا.", "قال", "أيسابيلو ريفيرا"),
    ],
)
def test_a_role_phrase_resolves_to_the_name_that_completes_it(pipeline, text, cue, canonical):
    speaker = _speaker_of(pipeline, text, cue)
    assert speaker["canonical"] == canonical and speaker["resolved"]


@pytest.mark.parametrize(
    "text, cue, not_speaker",
    [
        # a title behind a preposition: the name is the complement (supporters of the president)
        ("وكان الرئيس السيسي في القاهرة. ويرى المؤيدون للرئيس السيسي أن الانتخابات نزيهة.", "يرى", "السيسي"),
        # a relative's phrase: the name completes it, the father speaks
        ("وقال والد اللاعب محمد صلاح إن ابنه بخير.", "قال", "محمد صلاح"),
    ],
)
def test_a_name_after_a_preposition_or_a_relative_does_not_speak(pipeline, text, cue, not_speaker):
    assert _speaker_of(pipeline, text, cue)["canonical"] != not_speaker


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # the surname alone is a person (وقالت وليامز); the first name is unseen (لندي)
        ("وحُكم على لندي وليامز (60 عاما) يوم الجمعة. وقالت وليامز للمحكمة إن غربيك سقط.", "قالت", "لندي وليامز"),
        # a given name read alone after a rank, the surname a common word
        (
            "وأشار رئيس الاتحاد الرياضي العام، اللواء موفق جمعة، إلى أن الاتفاقيات مهمة. "
            "وتابع جمعة في بيانه إن القيادة تؤكد ذلك.",
            "تابع",
            "موفق جمعة",
        ),
        # a title set off by a comma, then two unseen name words
        ("وكان المدعي العام، أفيشاي مندلبليت، أعلن العام الماضي أنه يعتزم اتهام سارة.", "أعلن", "أفيشاي مندلبليت"),
    ],
)
def test_one_word_names_take_the_first_name_the_article_gives(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


@pytest.mark.parametrize(
    "text, canonical, role",
    [
        (
            "وأوضح بيشي الصرخي المتحدث باسم الهلال الأحمر السعودي بجازان إنه عند الساعة السادسة وقعت الحادثة.",
            "بيشي الصرخي",
            "المتحدث باسم الهلال الأحمر السعودي بجازان",
        ),
        ("وقال تركي شبانة رئيس شبكة قنوات روتانا إن العقد انتهى.", "تركي شبانة", None),
        ("أعلن بنيامين محمد وكيل أعمال اللاعب الغاني مونتاري أن موكله سيتواجد في مدينة جدة.", "بنيامين محمد", None),
    ],
)
def test_a_name_then_its_role_keeps_the_role_out_of_the_name(pipeline, text, canonical, role):
    (quote,) = _quotes(pipeline, text)
    assert quote["speaker"]["canonical"] == canonical
    if role is not None:
        assert quote["speaker"]["role"] == role


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a role with a preposition and a pronoun before the name (لمدربه), then the bare title
        (
            "منح نادي مانشستر سيتي الإنجليزي جرعة ثقة كبيرة لمدربه مانويل بليجريني قبل الموسم الجديد. "
            "وقال المدرب إن الفريق جاهز.",
            "قال",
            "مانويل بليجريني",
        ),
        # a bare title heading a construct right after the name, then the definite title
        (
            "طالب خوسيه بارتوميو رئيس نادي برشلونة الإسباني بالجائزة. وقال الرئيس إن الفريق جاهز.",
            "قال",
            "خوسيه بارتوميو",
        ),
    ],
)
def test_a_bare_title_names_the_person_described_so_earlier(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


def test_a_participle_after_a_particle_and_a_verb_takes_the_verb_s_subject(pipeline):
    # كما شكر X Y …، مؤكدا: the one who thanks speaks, not the one thanked
    text = (
        "كما شكر البابا فرنسيس منظمة التعاون الإسلامي على موقفها من الإرهاب، مؤكدا أنه لا علاقة بين الإسلام والإرهاب."
    )
    assert _speaker_of(pipeline, text, "مؤكدا")["canonical"] == "البابا فرنسيس"


def test_a_plural_participle_takes_the_unnamed_group_that_opens_the_sentence(pipeline):
    text = "من جانبهم عبر الزائرون إلى المركز عن إعجابهم الشديد بالأجواء الرمضانية، مؤكدين أن انتشار المراكز مفيد."
    assert _speaker_of(pipeline, text, "مؤكدين")["canonical"] == "الزائرون"


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a source noun's phrase, then an unseen name set off by commas, in a sentence with no speech verb
        (
            "وكان مسؤول الطوارئ الإيرانية، بيرحسين كوليوند، قد أكد سقوط طائرة. "
            "ونقلت الوكالة عن كوليوند قوله إن الطائرة سقطت.",
            "نقلت",
            "بيرحسين كوليوند",
        ),
        # the role's complements, then the holder set off by commas
        (
            "ونقل البيان عن كبير المسؤولين عن فرض القانون في البلاد، زهاو كيجي، قوله إن التحقيق مستمر.",
            "نقل",
            "زهاو كيجي",
        ),
    ],
)
def test_a_name_set_off_by_commas_after_a_source_phrase(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


def test_a_verb_s_complement_is_not_the_speaker_s_role(pipeline):
    # the presidency announced the start of the treatment of the president's wife: not the president
    text = "أعلنت الرئاسة السورية عن بدء زوجة الرئيس السوري، بشار الأسد، العلاج. وقالت إن العلاج ناجح."
    assert _speaker_of(pipeline, text, "قالت")["canonical"] != "بشار الأسد"


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # an isnad: عن + the narrator + a blessing + قال
        ("عن ابن عباس رضي الله عنهما قال: «فرض النبي زكاة الفطر طهرة للصائم».", "قال", "ابن عباس"),
        ("والسلف الصالح، عن ابن عمر رضي الله عنهما قال: «فرض رسول الله زكاة الفطر».", "قال", "ابن عمر"),
        # a blessing after a name is no part of it
        ("قال علي بن أبي طالب رضي الله عنه في تفسيرها: أي علموهم وأدبوهم.", "قال", "علي بن أبي طالب"),
        # a given name that is a common word too, an unlisted surname, then the role
        ("وقال بوب بوسنر المسؤول في لجنة الانتخابات إن اللجنة تابعت الأدلة.", "قال", "بوب بوسنر"),
        # an unseen name set off by commas after a nationality and "former"
        (
            "كشف عراب النجم الأرجنتيني ليونيل ميسي، والكشاف الإسباني السابق، كارليس ريتشاك، عن قصة توقيع العقد. "
            "وقال ريتشاك إن ميسي كان صغيرا.",
            "قال",
            "كارليس ريتشاك",
        ),
    ],
)
def test_narrators_blessings_and_set_off_names(pipeline, text, cue, canonical):
    assert _speaker_of(pipeline, text, cue)["canonical"] == canonical


_SAMI = "وكشف المتحدث الرسمي باسم «مدن» سامي الحسيني عن أن «مدن» تعتزم البناء. ولفت الحسيني إلى أن مدن تعمل."
_BALAWI = "أجرى البرنامج حوارا مطولا لمنصور البلوي المشرف على الفريق. وأكد البلوي أن الفريق جاهز."


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # a family name in ال that speaks alone takes the given name written before it
        (
            "وكشف المتحدث الرسمي للبنك السعودي للتسليف والادخار عبدالعزيز الناصر، في تصريح له أمس عن النتائج. "
            "وأشار الناصر إلى أن المشاريع كثيرة.",
            "أشار",
            "عبدالعزيز الناصر",
        ),
        # سامي is a given name and a common word; الحسيني speaks later; «مدن» is a body's name in marks
        (_SAMI, "كشف", "سامي الحسيني"),
        (_SAMI, "لفت", "سامي الحسيني"),
        # a foreign family name no list holds speaks alone: the first names written before it join it
        (
            "أبلغ السفير الروسي أكساندر ياكوفينكو الصحفيين بموقفه. وقال ياكوفينكو في مؤتمر صحفي إن التحقيق مسيس.",
            "قال",
            "أكساندر ياكوفينكو",
        ),
        # first names the lists know, then a family name found apart from them
        (
            "طالب الرئيس بيدرو بابلو كوتشينسكي بالتحقيق. وقال كوتشينسكي إنه لم يرتكب خطأ.",
            "قال",
            "بيدرو بابلو كوتشينسكي",
        ),
        # a listed given name behind the preposition ل
        (_BALAWI, "أكد", "منصور البلوي"),
        # the outlet's closing tag line runs names side by side: no full name comes out of it
        (_BALAWI + "\nسمات بيتوركا منصور البلوي مونتاري نايف هزازي", "أكد", "منصور البلوي"),
        # كانت introduces the person as a speech verb does
        ("كانت لندي وليامز تتابع الهجوم من مكتبها. وقالت وليامز إن الثغرة خطيرة.", "قالت", "لندي وليامز"),
        # a first name the lists hold as a place, right after the speech verb
        (
            "وتقول فيكتوريا ديربيشير الصحفية في بي بي سي إن البيت مختلف. وقالت ديربيشير إن الهاتف يرن.",
            "قالت",
            "فيكتوريا ديربيشير",
        ),
    ],
)
def test_a_speaking_family_name_takes_the_first_names_written_before_it(pipeline, text, cue, canonical):
    assert _speakers_of_cue(pipeline, text, cue) == {canonical}


@pytest.mark.parametrize(
    "text, cue",
    [
        ("وأكد معاليه أن الوزارة ماضية في خطتها. وكان متطلعا معاليه إلى النتائج.", "أكد"),  # a title + pronoun
        ("وأكد عزيز القرني أن العقوبات بحق المفحطين رادعة. ووصف المفحطين بأنهم خطر.", "أكد"),  # بحق: a word
    ],
)
def test_no_first_name_out_of_a_title_or_a_preposition_and_noun(pipeline, text, cue):
    names = {r["canonical"] for r in pipeline.extract(text) if r["type"] == "entity" and r["label"] == "PER"}
    assert not any(n.startswith(("متطلعا", "حق")) for n in names)


def test_a_given_name_that_is_a_nationality_word_and_a_nationality_family_name(pipeline):
    # تركي before a name is the given name (an adjective never precedes its noun); التركي after a
    # frequent given name is the family name once the document shows it speaking alone
    text = (
        "وكان المتحدث الأمني اللواء منصور التركي قد أوضح أنه لا إصابات. وأشار التركي إلى أن الحادث وقع ليلا. "
        "وقال تركي شبانة رئيس الشبكة إن الفيلم جاهز. وأضاف شبانة: مصر هي القلب."
    )
    assert {c: _speaker_of(pipeline, text, c)["canonical"] for c in ("أوضح", "أشار", "أضاف")} == {
        "أوضح": "منصور التركي",
        "أشار": "منصور التركي",
        "أضاف": "تركي شبانة",
    }


@pytest.mark.parametrize(
    "text, cue, canonical",
    [
        # an indefinite accusative noun is the clause's, not the name's
        ("وأبدى البابا فرانسيس تعديلا على التعليم. وقال إن العقوبة لا يمكن قبولها.", "قال", "فرانسيس"),
        # a definite participle after the name describes the person (المتخصص في …)
        ("وقال المحامي جون هاردي المتخصص في حقوق الانسان إن القضية مهمة.", "قال", "جون هاردي"),
        # … but not after a definite noun, the verb's object (الزي المقترح)
        ('ووصف وزير الاقتصاد الياباني تارو أسو الزي المقترح بأنه "باهظ الثمن".', "وصف", "تارو أسو"),
    ],
)
def test_an_accusative_noun_or_a_participle_ends_a_name(pipeline, text, cue, canonical):
    assert _speakers_of_cue(pipeline, text, cue) == {canonical}


@pytest.mark.parametrize(
    "text, canonical",
    [
        # ل + a definite noun and its adjectives
        ("أعلنت القيادة العامة للقوات المسلحة الإماراتية أن الجنود عادوا.", "القيادة العامة للقوات المسلحة الإماراتية"),
        ("أعلنت الوكالة الأمريكية للحماية البيئية الخميس أن المياه ملوثة.", "الوكالة الأمريكية للحماية البيئية"),
        # a second field after و, in the same genitive shape as the first
        (
            "وقالت المؤسسة العامة لصوامع الغلال ومطاحن الدقيق إن الموعد انتهى.",
            "المؤسسة العامة لصوامع الغلال ومطاحن الدقيق",
        ),
        # the generic head the article writes before a listed body is in its canonical
        ("اتهمت حركة حماس الفلسطينية إسرائيل بالتصعيد. وقالت حماس إنها ترفض الاتهام.", "حركة حماس"),
    ],
)
def test_a_body_speaks_under_its_whole_name(pipeline, text, canonical):
    speakers = {q["speaker"]["canonical"] for q in _quotes(pipeline, text)}
    assert speakers == {canonical}
