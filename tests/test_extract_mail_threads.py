"""Mail threads and names as they are written in them: an address list with encoded names, an
Outlook reply under "-----Original Message-----", a quoted first message, a saint's name with its
possessive ("St. Anselm's Children's Clinic")."""

from __future__ import annotations

from datetime import date

from drafter.extract.offline import draft
from drafter.ingest import read_sources

TODAY = date(2025, 11, 24)


def _draft(tmp_path, text, name):
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return draft(read_sources([p]), today=TODAY)


THREAD = """From: Maura Quinlan <maura.quinlan@veltra.example>
To: Owen Rafferty <owen.rafferty@veltra.example>, =?utf-8?q?Siobh=C3=A1n?= Dwyer <siobhan.dwyer@carrowmore.example>
Subject: RE: St. Anselm's theatre scheduling
Date: Wed, 12 Nov 2025 10:02:00 +0000
Content-Type: text/plain; charset="utf-8"

Thanks both, noted.

Maura

-----Original Message-----
From: Owen Rafferty <owen.rafferty@veltra.example>
Sent: Monday, November 10, 2025 9:00 AM
To: Siobhán Dwyer <siobhan.dwyer@carrowmore.example>
Subject: RE: St. Anselm's theatre scheduling

Maura: St. Anselm's is on your named-account list, OPP-55120 is open from their tender.

How I'd put it: our theatre scheduler plans every list, and Carrowmore feeds it the PAS extract.

Owen

On Fri, 7 Nov 2025 at 16:20, Siobhán Dwyer <siobhan.dwyer@carrowmore.example> wrote:
> Hi Owen,
>
> St. Anselm's General Hospital, Sligo. Carrowmore Health Systems has run their PAS since 2019.
>
> Their theatre manager, Brid Lally, said: "We cancel four lists a week because the rota is on paper."
>
> Sadly we lost Tuam District Hospital (OPP-50010) last month; nothing to do there.
>
> Siobhán
"""


def test_a_name_in_an_address_list_is_quoted_whole(tmp_path):
    packet = _draft(tmp_path, THREAD, "thread.eml")
    partner = packet.fields["partner"]
    assert "Siobhán Dwyer" in partner.value
    assert all(e.quote.strip() == e.quote and not e.quote.endswith("Dwye") for e in partner.evidence)


def test_a_saints_name_with_its_possessive_is_one_organisation(tmp_path):
    packet = _draft(tmp_path, THREAD, "thread.eml")
    assert packet.metadata["account"] == "St. Anselm's General Hospital"
    assert "OPP-55120" in packet.value("account")
    assert "Tuam" not in packet.value("account")


def test_a_possessive_before_a_product_is_not_part_of_a_name(tmp_path):
    packet = _draft(tmp_path, """Call notes, 3 November 2025

Account: Norrvik Ferries (OPP-31002)
Partner: Skerry Marine, Ida Holm (alliances lead)
Why them: Skerry Marine overhauls Norrvik's MTU engines since 2018.
""", "notes.txt")
    assert packet.metadata["account"] == "Norrvik Ferries"
    assert "MTU engines" in packet.value("why_partner")


HTML_MAIL = """From: Rhys Gallagher <rhys.gallagher@tallowmere.example>
To: Ines Varga <ines.varga@lumora.example>
Subject: Pinecrest Dental - co-sell write-up
Date: Tue, 14 Oct 2025 09:00:00 +0100
Content-Type: text/html; charset="utf-8"
MIME-Version: 1.0

<html><body>
<p>Hi Ines,</p>
<p><b>The account.</b> Pinecrest Dental Group: 40 practices in Wales. OPP-33120 opened today.</p>
<p><b>Why us (Tallowmere).</b> We built Pinecrest's patient portal in 2022 and still run it.</p>
<p><b>The joint pitch.</b></p>
<ul>
<li>Your recall messaging sends reminders by SMS.</li>
<li>Tallowmere connects it to the portal we built.</li>
<li>Pinecrest gets one change to a system they trust.</li>
</ul>
<p><b>Next steps:</b></p>
<table>
<tr><td><b>Who</b></td><td><b>What</b></td><td><b>When</b></td></tr>
<tr><td>Tallowmere (me)</td><td>Pull 60 days of recall data and share it with Ines</td><td>Friday 17 October</td></tr>
</table>
<p><b>Registration.</b> I checked with your alliances team: no other partner registered on Pinecrest.</p>
<p>Cheers,<br>Rhys Gallagher<br>Practice Lead | Tallowmere Consulting</p>
</body></html>
"""


def test_bold_lead_ins_of_an_html_mail_label_their_paragraphs(tmp_path):
    packet = _draft(tmp_path, HTML_MAIL, "mail.eml")
    assert packet.metadata["account"] == "Pinecrest Dental Group"
    assert "patient portal" in packet.value("why_partner")
    value = packet.value("value_prop")
    assert "recall messaging" in value and "connects it to the portal" in value
    assert "no other partner registered" in packet.value("conflict")
    for fid in ("why_partner", "value_prop", "conflict"):
        assert all(e.quote == packet_text(tmp_path)[e.start:e.end] for e in packet.fields[fid].evidence)


def test_the_who_column_of_an_action_table_names_no_person(tmp_path):
    packet = _draft(tmp_path, HTML_MAIL, "mail.eml")
    assert packet.metadata["partner"] == "Tallowmere Consulting"
    assert "Rhys Gallagher" in packet.value("partner")
    assert "60 days" in packet.value("partner_move")


def packet_text(tmp_path):
    return read_sources([tmp_path / "mail.eml"])[0].text


HANDOFF = """From: Iris Bakker <iris.bakker@polderline.example>
To: Tom Mulder <tom.mulder@polderline.example>
Cc: Ruud Smit <ruud.smit@havenict.example>
Subject: Eemshaven Terminal - co-sell handoff
Date: Mon, 10 Nov 2025 09:00:00 +0100
Content-Type: text/plain; charset="utf-8"

Hoi Tom,

Account: Eemshaven Terminal, on your 2025 named-account list, OPP-77120, stage 1.

Partner: Haven ICT, Ruud Smit (account manager, ports), cc'd.

Moves: Ruud sees their ops lead at the weekly planning call and will bring you to the next one,
Tuesday 18 November. Your move: bring the crane telemetry demo to the 18 November call.

Iris
"""


def test_a_move_given_to_the_person_an_email_is_to_is_theirs(tmp_path):
    packet = _draft(tmp_path, HANDOFF, "handoff.eml")
    move = packet.value("seller_move")
    assert "crane telemetry demo" in move and "18 November" in move


def test_adding_the_seller_to_the_customers_meeting_agenda_is_the_warm_path(tmp_path):
    thread = """From: Ottilie Brandauer <obrandauer@kestrelpay.example>
To: Samir Okafor <samir.okafor@lumavale.example>
Subject: Thornbury Mills - expense cards
Date: Tue, 4 Mar 2025 09:15:50 -0400

Samir, hello. Kestrel has run Thornbury Mills' payroll since 2016. Thornbury Mills is on your named list
(OPP-71125). Their finance director, Henrietta Vance, wants the paper expense reports gone this year.

Henrietta knows me well, and on Monday I told her a card partner is worth a meeting.
I'll add 30 minutes to the 20 March finance review agenda and send you the spend summary by Friday 14 March.

Ottilie
"""
    packet = _draft(tmp_path, thread, "thread.txt")
    assert "20 March" in (packet.value("warm_path") or "")


PARTNER_MAIL = """From: Łucja Żmuda <lucja.zmuda@strzalait.example>
To: Agata Nowak <agata.nowak@veltra.example>
Cc: Piotr Maj <piotr.maj@veltra.example>
Subject: Brzozowa Dairy - co-sell follow-up
Date: Tue, 14 Oct 2025 09:30:00 +0200

Hi Agata, hi Piotr,

Account: Brzozowa Dairy, four plants. Piotr opened OPP-61234 after we registered the deal.

Why Strzała: we have looked after Brzozowa's plant network since 2018.

Joint offer: your yield dashboards show each line live; Strzała IT Solutions connects the plant
servers we already run.

Our next step: I can't commit yet. I need to check with my director whether we can share the line data.

My notes from the call: I will send them later, once I've tidied them up.

Best regards,
Łucja Żmuda
"""


def test_a_move_not_committed_yet_and_notes_sent_later_leave_the_partner_move_missing(tmp_path):
    # "I can't commit yet" and "I will send them later" (no time given) are no move, whoever wrote them
    packet = _draft(tmp_path, PARTNER_MAIL, "followup.eml")
    assert packet.fields["partner_move"].value is None


NAMED_MOVE = """From: Iris Bakker <iris.bakker@polderline.example>
To: Ruud Smit <ruud.smit@havenict.example>
Cc: Tom Mulder <tom.mulder@polderline.example>
Subject: Re: Eemshaven Terminal
Date: Mon, 10 Nov 2025 09:00:00 +0100
Content-Type: text/plain; charset="utf-8"

Ruud, thanks for this one. Copying Tom Mulder, our AE for ports.

Tom: Eemshaven Terminal is on your named-account list and OPP-77120 is open, stage 1.

Your next step, Tom: phone your Eemshaven terminal manager on OPP-77120 this week and offer a crane telemetry review.

Iris
"""


def test_a_move_handed_to_a_person_by_name_is_theirs(tmp_path):
    packet = _draft(tmp_path, NAMED_MOVE, "reply.eml")
    move = packet.value("seller_move") or ""
    assert "crane telemetry review" in move
    assert "crane telemetry" not in (packet.value("account") or "")


ARENA_HANDOFF = """From: Petra Okafor <petra.okafor@tillerpoint.example>
To: Lucinda Marr <lucinda.marr@tillerpoint.example>
Cc: Cormac Delaney <cormac.delaney@halyardvt.example>
Subject: Co-sell handoff: Castlegate Arena Group (via Halyard)
Date: Mon, 24 Mar 2025 16:05:11 -0400
Content-Type: text/plain; charset="us-ascii"

Hi Lucinda,

Account: Castlegate Arena Group, which runs Castlegate Arena. It's on your FY25
named-account list, and there's an early opportunity, OPP-67341.

Partner: Halyard Venue Technology. Cormac Delaney is their venue accounts
lead and my contact there.

Introduction: this is the weak part. Cormac doesn't know Jonas. Cormac
has looked Jonas up on the arena's leadership page and on LinkedIn, and
that's as far as it goes.

Your move: send Jonas a short email this week with the Dunlow Arena
pickup-time results and ask for 30 minutes before the concessions RFP opens on 14 April.

Halyard's move: Cormac has agreed to send you the concourse Wi-Fi heatmaps
by Friday 28 March.

Source: the Venue Tech Summit session recording.
https://venuetechsummit.example.com/2025/sessions/concourse-throughput

I'll own this until you accept. Can you reply by Wednesday 26 March?

Petra Okafor | Partner Manager | Tillerpoint
"""


def test_a_handoff_mail_to_the_seller_with_a_reference_customer_in_the_move(tmp_path):
    p = _draft(tmp_path, ARENA_HANDOFF, "handoff.eml")
    # "your FY25\nnamed-account list" wraps, and still says the mail is to the seller
    assert p.metadata.get("seller") == "Lucinda Marr"
    # the reference customer in the seller's move does not make the rest of the mail another account's talk
    assert "Dunlow Arena pickup-time results" in (p.value("seller_move") or "")
    assert "heatmaps" in (p.value("partner_move") or "")
    assert "session recording" in (p.value("evidence") or "")
    assert "I'll own this until you accept" in (p.value("owner") or "")
    # a weak path: the partner does not know the buyer and looked him up
    assert p.fields["warm_path"].value is None


QUOTED_THREAD = """From: Tobias Wren <tobias.wren@corravant.example>
To: Ines Carvalho <ines.carvalho@corravant.example>
Subject: Re: Larkhill Specialty Pharmacy - prior auths
Date: Fri, 23 May 2025 09:14:27 -0700

Ines - accepted, thanks. Did the portal ever come back up?

Tobias Wren | Account Executive, Specialty Pharmacy West | Corravant

On Thu, 22 May 2025 at 11:02, Ines Carvalho <ines.carvalho@corravant.example> wrote:
> Tobias: Larkhill is on your FY named-account list, and there's an early
> opportunity, OPP-73924, stage 1.
>
> Registration: the partner portal is down for maintenance until Monday,
> so I haven't been able to look. I'd be surprised if anyone has Larkhill
> registered; they've always bought direct from us.
>
> Ines Carvalho | Channel Account Manager | Corravant
>
> > On Wed, 21 May 2025 at 17:25, Beatriz Olmedo <beatriz.olmedo@kinsalerx.example> wrote:
> > Larkhill Specialty Pharmacy: Kinsale's pharmacy system runs in all 14 sites; my team ran
> > their migration in 2023.
> >
> > At the March council their VP of pharmacy operations, Dr. Cecily Amadi,
> > said: "Our techs spend half the day on hold with payers for prior auths."
> >
> > Beatriz Olmedo | Director, Specialty Pharmacy Accounts | Kinsale Pharmacy Systems
"""


def test_a_quoted_buyer_on_hold_with_payers_is_no_deal_on_hold(tmp_path):
    p = _draft(tmp_path, QUOTED_THREAD, "thread.eml")
    assert "on hold with payers" in (p.value("trigger") or "")


def test_a_registration_check_that_could_not_be_run_is_open_whatever_the_guess(tmp_path):
    p = _draft(tmp_path, QUOTED_THREAD, "thread.eml")
    assert p.fields["conflict"].value is None
    assert "haven't been able to look" in (p.fields["conflict"].note or "")
    assert "\n" not in (p.fields["conflict"].note or "")


PARTNER_RECAP = """From: Imogen Tate <imogen.tate@kessock.example>
To: Yusuf Demir <yusuf.demir@orrin.example>
Cc: Tobias Lind <tobias.lind@orrin.example>
Subject: Fallowmere Waste & Recycling - recap of our service review
Date: Fri, 9 Jan 2026 16:22:05 +0000

Hi Yusuf (and hello Tobias),

Background, for Tobias: Fallowmere Waste & Recycling is a private hauler with 180 trucks. Kessock implemented
their billing and dispatch system in 2022. Your portal shows an early opportunity on your side, OPP-24519.

At the review their operations director, Gideon Ashworth, said: "Our drivers empty half-full bins."

Gideon and I get on well. He is happy for Tobias to join our next review, on 22 January at their depot.
I suggest Tobias comes on 22 January and shows the route-planning demo built on Fallowmere's own routes.

Best,
Imogen

Imogen Tate | Partner Manager | Kessock Systems
"""


def test_a_partner_recap_sends_our_one_person_to_the_customer_as_the_seller(tmp_path):
    p = _draft(tmp_path, PARTNER_RECAP, "recap.eml")
    assert p.metadata.get("seller") == "Tobias Lind"
    assert "shows the route-planning demo" in (p.value("seller_move") or "")
    assert "join our next review" in (p.value("warm_path") or "")


STUDIO_THREAD = """From: Wilf Haines <wilf.haines@ostrander.example>
To: Sofia Lindqvist <sofia.lindqvist@gantrymedia.example>, Marek Novak <marek.novak@ostrander.example>
Subject: Re: Cinderford Studios
Date: Tue, 27 Jan 2026 10:00:00 +0000

Sofia, Marek,

- Marek: join Sofia on the 5 February facilities tour and bring the secure transfer demo.
- Sofia: nightly transfer volumes between the two lots by 30 January, as you offered below.
- I own the Cinderford handoff until Marek accepts. Marek, please confirm by 29 January.

On the joint offer, I take your point, Sofia. We leave it open until Cinderford's CTO has decided.

Wilf

On Mon, 26 Jan 2026 at 17:12, Sofia Lindqvist <sofia.lindqvist@gantrymedia.example> wrote:
> Dominic is happy for Marek to join the facilities tour on 5 February. I can send
> Marek the nightly transfer volumes between the two lots by 30 January.
>
> On what we would offer together: honestly I can't tell you yet what Gantry would
> do alongside your transfer service. Until then I'd rather not promise a scope or a price.
>
> > On Mon, 26 Jan 2026 at 09:05, Wilf Haines <wilf.haines@ostrander.example> wrote:
> > Adding Marek Novak, our AE for media. Marek: Cinderford Studios is on your named-account list, and
> > there is an early opportunity, OPP-57740, stage 1.
> >
> > > On Fri, 23 Jan 2026 at 15:40, Sofia Lindqvist <sofia.lindqvist@gantrymedia.example> wrote:
> > > Gantry installed Cinderford's shared storage in 2021. Their head of post-production,
> > > Dominic Achterberg, told me: "We courier hard drives between the two lots every night."
> > >
> > > Sofia Lindqvist | Studio Accounts Manager | Gantry Media Systems
"""


def test_a_thread_reads_the_newest_word_first_and_people_across_quoted_lines(tmp_path):
    p = _draft(tmp_path, STUDIO_THREAD, "thread.eml")
    # a name wrapped onto the next quoted line is still a person, the buyer the warm path is about
    assert "Dominic is happy for Marek to join" in (p.value("warm_path") or "")
    # "I'd rather not promise a scope" is about the joint offer, in an older message: the move stands
    assert "nightly transfer volumes" in (p.value("partner_move") or "")
    # the joint offer is left open in the newest message and in the partner's own words
    assert p.fields["value_prop"].value is None
