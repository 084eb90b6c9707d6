# ruff: noqa: E501  (pasted paragraphs are long lines, as in real input)
"""Messy articles written for these tests, one per input style the zones stage must read.

Every name, place and event here is made up or generic; none is copied from a real page.
"""

from __future__ import annotations

#: An agency wire story: a dateline with the agency, a closing credit line.
AGENCY_WIRE = """\
LUSAKA, Aug 10 (Reuters) - Zambia's finance minister Mary Banda met the head of the regional bank on Saturday to discuss a new loan for the country's railways.

"We need the money before the rains come," Banda told reporters after the meeting.

The talks will continue next week in Harare, officials said.

Reporting by Peter Mwale in Lusaka; Editing by Anne Cole
"""

#: A newspaper web page pasted as text: headline twice, byline, stamps, "Read more", a cookie notice.
NEWSPAPER_PAGE = """\
Skip to main content
Farmers block highway in protest over fuel prices
Farmers block highway in protest over fuel prices

Hundreds of tractors brought traffic to a halt as growers demanded cheaper diesel.

By Tom Hardy and Lisa Grant, Political Correspondent
Published 10:32 GMT, 2 September 2019 | Updated 14:05 GMT, 2 September 2019

Share this article
Hundreds of farmers blocked the main highway north of the capital on Monday, demanding that the government cut fuel taxes.

"We cannot keep working at a loss," said Jonas Weber, who leads the growers' union.

Read more: Fuel prices hit record high as refinery shuts

The transport minister, Clara Voss, said she would meet the union on Wednesday.

We use cookies to improve your experience. By continuing to browse you accept our cookie policy.
Sign up for our daily newsletter
"""

#: A broadcaster page with photo captions, picture credits and icons.
BROADCASTER_PAGE = """\
Rebels attack army base near border town

Image copyright Getty Images
Image caption Soldiers patrol the streets of Kamba after the attack

Rebels attacked an army base near the border town of Kamba on Thursday, killing four soldiers, the defence ministry said.

Camera Icon Opposition leader Samuel Okoro speaks to supporters in Kamba. Credit: AAP

The army said it had sent reinforcements to the region.

Residents wait for food aid outside a church in Kamba. (Photo credit should read STR/AFP/Getty Images)

Aid agencies said thousands of people had fled their homes since the fighting began.
"""

#: An RSS item flattened to text: title, date stamp, summary, a link line.
RSS_ITEM = """\
Police arrest 12 after clashes at stadium
Tue, 03 Mar 2020 18:45:00 GMT
Police arrested 12 people after fans clashed with officers outside the national stadium on Tuesday, a police spokesman said.
Read more
"""

#: A press-agency feed item with a "Source:" line and an editor's credit.
AGENCY_FEED = """\
China and Laos sign railway cooperation deal

Source: Xinhua | 2019-09-02 16:21:08 | Editor: Wang Li

China and Laos signed an agreement on Monday to expand their cooperation on the cross-border railway, the transport ministry said.

The two sides also agreed to hold talks on customs rules next month.
"""

#: A second newspaper page: section label, standfirst, "Name in Place" byline, stamps, topic links.
NEWSPAPER_PAGE_2 = """\
World news
Protesters defy curfew in capital as crackdown widens

Thousands marched through the city centre despite a ban on gatherings

Jane Doe in Harare
Tue 3 Mar 2020 18.45 GMT
Last modified on Wed 4 Mar 2020 09.10 GMT

Protesters gather in Harare on Tuesday. Photograph: Jekesai Njikizana/AFP via Getty Images

Thousands of protesters defied a curfew in the capital on Tuesday, as security forces fired teargas to disperse crowds.

The opposition leader, Nelson Chamisa, called for calm.

Topics
Zimbabwe
Africa
Protest
Reuse this content
"""

#: A tabloid page: breadcrumbs, an "UPDATED:" stamp, "By X for Outlet", comment prompts.
TABLOID_PAGE = """\
Home | News | World

UPDATED: 14:32, Mon, Sep 2, 2019

Storm hits coast

By Sam Ray for Daily Example

A storm hit the coast on Monday, cutting power to thousands, officials said.

Advertisement

"It was terrifying," said Maria Lopez, a resident.

Comments (12)
Share or comment on this article:
"""

ALL = {
    "agency wire": AGENCY_WIRE,
    "newspaper page": NEWSPAPER_PAGE,
    "broadcaster page": BROADCASTER_PAGE,
    "rss item": RSS_ITEM,
    "agency feed": AGENCY_FEED,
    "newspaper page 2": NEWSPAPER_PAGE_2,
    "tabloid page": TABLOID_PAGE,
}
