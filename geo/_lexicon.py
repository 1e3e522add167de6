"""Word lists used by the geoparser (French and English), written for this project.

Every entry is written as it appears in text and normalised with
:func:`geo.gazetteer.normalize_name` when the geoparser loads (accents, case and
apostrophes do not matter here). Lists are grouped by what they stop:

- common words that are also the names of small places somewhere (``Selon``, ``Ville``);
- organisations, media and named groups that contain place names (``Le Monde``,
  ``groupe de Minsk``, ``Organisation pour la sécurité et la coopération en Europe``);
- person names (first names, titles) and demonyms (``Azéris``, ``Turkish``).
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(w.replace("_", " ") for w in text.split())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


#: Capitalised at the start of a sentence or in titles, but common words; many are names of
#: villages in GeoNames. A single-word candidate in this list is never a place.
COMMON_WORDS: Final = _words(
    """
    a à au aux avec ce ces cet cette ceux dans de des du elle elles en entre et il ils je la
    le les leur leurs lui mais ne ni nous on ou où par pas plus pour qu que qui sa sans se ses
    si son sur ta te tes toi ton tu un une vos votre vous y ici là puis donc car or alors
    ainsi aussi après avant depuis pendant selon vers chez contre sous parmi malgré dès lors
    tout tous toute toutes autre autres même mêmes deux trois quatre cinq six sept huit neuf
    dix cent mille aucun aucune chaque plusieurs certains certaines quelques hier demain
    aujourd ville villes village villages front nord sud est ouest centre région province
    district quartier pays état etat états etats nation nations union paix guerre armée
    armées force forces police gouvernement ministre ministère président présidente premier
    première bilan mort morts victoire liberté république empire royaume capitale frontière
    ligne rouge croix mer lac rive pont port gare route camp base mont montagne plaine
    vallée plateau golfe île îles cap baie fort haut haute bas basse grand grande petit
    petite nouveau nouvelle vieux saint sainte san santa monde marche marché rue place
    mosquée église hôpital école maison blanche
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    the of and to in on at by for with from as is are was were be been it its this that
    these those he she we you they his her our their them us an no not so do if or but
    up out over under after before since during while when where who whom which what why
    how all any both each few more most other some such only own same than too very can will
    just should now then there here also said says say told according about against between
    into through again further once many much one two three four five six seven eight nine
    ten hundred thousand dozens several city town village north south east west central
    northern southern eastern western region province state states nation nations union
    army forces force police government minister ministry president premier prime war peace
    victory liberty independence freedom unity progress hope mission center centre street
    road bridge river lake sea gulf bay island islands cape point port airport station camp
    base mount mountain valley plain plateau desert market square church mosque hospital
    school house white red black green blue new old great grand upper lower high low
    reading nice orange man mary bar hit of van may march august june july april
    january february september october november december monday tuesday wednesday
    thursday friday saturday sunday today yesterday tomorrow
    cars trucks buses tanks drones missiles rockets shells bombs mines convoys boats ships
    troops soldiers officers fighters rebels militants gunmen insurgents jihadists militias
    residents villagers civilians families children women men people refugees migrants
    survivors victims witnesses officials authorities leaders diplomats envoys mediators
    rescuers medics doctors nurses volunteers workers journalists reporters analysts
    experts observers monitors protesters demonstrators students prisoners hostages
    hundreds thousands dozens millions tens scores crowds queues lines roads bridges
    houses homes buildings hospitals schools shops markets fields farms crops fires
    explosions sirens smoke gunfire fighting clashes strikes attacks talks negotiations
    aid food water fuel power electricity grain oil gas prices exports imports sanctions
    heavy fierce intense deadly dozen rescue relief help mourners funerals graves
    ville des parmi voitures camions chars blindés obus roquettes drones missiles
    soldats combattants rebelles habitants civils familles enfants femmes hommes
    réfugiés déplacés survivants témoins responsables autorités secouristes médecins
    volontaires manifestants otages centaines milliers dizaines millions routes ponts
    maisons immeubles hôpitaux écoles magasins marchés incendies explosions sirènes
    combats frappes attaques pourparlers négociations vivres carburant électricité
    """
)

#: Capitalised and not at the start of a sentence, these are still not places.
ALWAYS_COMMON: Final = _words(
    """
    selon ville villes front nord sud est ouest centre union paix guerre police premier
    bilan mars mai may march les des sur il la le un une the of in on at by to an as is be
    no so do he she we her our our city region province state north south east west center
    central minister secretary spokesman spokeswoman spokesperson general colonel major
    captain governor mayor senator airport lake sea river gulf bay ocean strait island
    islands lac mer fleuve rivière golfe détroit océan île canal cape cap jan feb apr jun jul
    aug sep sept
    oct nov dec janv févr avr juil déc january february april june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday
    janvier février avril juin juillet août septembre octobre novembre décembre lundi mardi
    mercredi jeudi vendredi samedi dimanche
    """
)

#: Media (newspapers, agencies, broadcasters). Matched case-insensitively as whole phrases.
MEDIA: Final = _lines(
    """
    Le Monde
    Le Monde diplomatique
    Le Figaro
    Libération
    Le Parisien
    Aujourd'hui en France
    L'Express
    Le Point
    L'Obs
    Les Échos
    La Croix
    L'Humanité
    Ouest-France
    Sud Ouest
    La Dépêche
    Le Journal du dimanche
    Le Temps
    La Tribune de Genève
    Le Soir
    La Libre Belgique
    La Presse
    Le Devoir
    Courrier international
    Mediapart
    Jeune Afrique
    Le Monde Afrique
    France 24
    France Inter
    France Info
    Franceinfo
    France Culture
    France Télévisions
    France 2
    France 3
    Radio France
    Radio France Internationale
    RFI
    Europe 1
    TF1
    BFM
    BFMTV
    LCI
    Arte
    TV5
    TV5Monde
    AFP
    Agence France-Presse
    Agence France Presse
    Reuters
    Associated Press
    AP
    Bloomberg
    Interfax
    Télé Sahel
    ORTM
    RTB
    Radio Télévision du Niger
    Kurdistan 24
    Rudaw
    Interfax-Ukraine
    Interfax-Azerbaijan
    TASS
    Itar-Tass
    RIA Novosti
    Ria
    Sputnik
    Russia Today
    RT
    Anadolu
    Anadolu Agency
    agence Anadolu
    Daily Sabah
    Hürriyet
    Armenpress
    Azertac
    APA
    Ukrinform
    Unian
    Ukrainska Pravda
    Kyiv Independent
    Kyiv Post
    Kiev Post
    Moscow Times
    Meduza
    Novaïa Gazeta
    Novaya Gazeta
    Kommersant
    Xinhua
    ANSA
    EFE
    DPA
    BBC
    BBC News
    CNN
    Al Jazeera
    Al-Jazeera
    Al Arabiya
    Sky News
    Euronews
    Deutsche Welle
    DW
    Voice of America
    Radio Free Europe
    Radio Free Europe/Radio Liberty
    RFE/RL
    Radio Liberty
    New York Times
    Washington Post
    Wall Street Journal
    Los Angeles Times
    Financial Times
    The Times
    The Guardian
    The Independent
    The Economist
    The Telegraph
    Daily Telegraph
    Times of Israel
    Jerusalem Post
    Haaretz
    Arab News
    Gulf News
    Asharq Al-Awsat
    L'Orient-Le Jour
    Syrian Observatory for Human Rights
    Observatoire syrien des droits de l'homme
    OSDH
    SOHR
    Eurasianet
    OC Media
    JAMnews
    """
)

#: Organisations, alliances, armed groups, treaties and formats named after places.
ORGANISATIONS: Final = _lines(
    """
    Organisation pour la sécurité et la coopération en Europe
    Organization for Security and Co-operation in Europe
    Organization for Security and Cooperation in Europe
    OSCE
    OSCE Minsk Group
    Minsk Group
    groupe de Minsk
    accords de Minsk
    accord de Minsk
    protocole de Minsk
    Minsk agreements
    Minsk agreement
    Minsk accords
    Minsk protocol
    format Normandie
    format de Normandie
    Normandy format
    processus d'Astana
    Astana process
    Astana format
    conventions de Genève
    convention de Genève
    Geneva Conventions
    Geneva Convention
    mémorandum de Budapest
    Budapest Memorandum
    Union européenne
    European Union
    Commission européenne
    European Commission
    Parlement européen
    European Parliament
    Conseil européen
    European Council
    Conseil de l'Europe
    Council of Europe
    Cour européenne des droits de l'homme
    European Court of Human Rights
    Banque centrale européenne
    European Central Bank
    Otan
    Nato
    Organisation du traité de l'Atlantique nord
    North Atlantic Treaty Organization
    ONU
    Nations unies
    Organisation des Nations unies
    United Nations
    UN
    Conseil de sécurité
    Security Council
    Assemblée générale
    General Assembly
    Banque mondiale
    World Bank
    Fonds monétaire international
    International Monetary Fund
    FMI
    IMF
    Union africaine
    African Union
    Ligue arabe
    Arab League
    Croix-Rouge
    Red Cross
    Croissant-Rouge
    Red Crescent
    Comité international de la Croix-Rouge
    International Committee of the Red Cross
    CICR
    ICRC
    Médecins sans frontières
    Doctors Without Borders
    MSF
    Amnesty International
    Human Rights Watch
    HCR
    UNHCR
    OMS
    CEDEAO
    ECOWAS
    Communauté des États indépendants
    Commonwealth of Independent States
    CEI
    Organisation du traité de sécurité collective
    Collective Security Treaty Organization
    OTSC
    CSTO
    Organisation de coopération de Shanghai
    Shanghai Cooperation Organisation
    Shanghai Cooperation Organization
    G5 Sahel
    Force conjointe du G5 Sahel
    Minusma
    Minusca
    Monusco
    Barkhane
    opération Barkhane
    Operation Barkhane
    Takuba
    Serval
    État islamique
    Etat islamique
    groupe État islamique
    Islamic State
    Daech
    Daesh
    ISIS
    ISIL
    EI
    EIIL
    État islamique au Grand Sahara
    Islamic State in the Greater Sahara
    EIGS
    ISGS
    État islamique en Afrique de l'Ouest
    Islamic State West Africa Province
    Islamic State of Iraq and the Levant
    Islamic State in Iraq and the Levant
    État islamique en Irak et au Levant
    Middle East Eye
    Asia Times
    Radio Free Asia
    ISWAP
    Al-Qaïda au Maghreb islamique
    al-Qaeda in the Islamic Maghreb
    AQMI
    AQIM
    JNIM
    Groupe de soutien à l'islam et aux musulmans
    Hayat Tahrir al-Cham
    Hayat Tahrir al-Sham
    HTS
    Front al-Nosra
    al-Nusra Front
    Jabhat al-Nosra
    Jabhat al-Nusra
    Forces démocratiques syriennes
    Syrian Democratic Forces
    FDS
    SDF
    YPG
    PKK
    Parti des travailleurs du Kurdistan
    Kurdistan Workers' Party
    Kurdistan Workers Party
    Kurdistan Regional Government
    gouvernement régional du Kurdistan
    Gouvernement régional du Kurdistan
    Parti démocratique du Kurdistan
    Kurdistan Democratic Party
    Union patriotique du Kurdistan
    Patriotic Union of Kurdistan
    Armée syrienne libre
    Free Syrian Army
    Armée nationale syrienne
    Syrian National Army
    Hezbollah
    Hamas
    Wagner
    groupe Wagner
    Wagner Group
    Africa Corps
    régiment Azov
    Azov regiment
    Azov Battalion
    bataillon Azov
    Boko Haram
    Shebab
    al-Shabaab
    Rapid Support Forces
    Cadre stratégique permanent
    Cadre stratégique permanent pour la défense du peuple de l'Azawad
    Coordination des mouvements de l'Azawad
    Mouvement national de libération de l'Azawad
    Mouvement national pour la libération de l'Azawad
    National Movement for the Liberation of Azawad
    Front de libération de l'Azawad
    Azawad Liberation Front
    Forces de soutien rapide
    Sudanese Armed Forces
    Forces armées soudanaises
    Congo River Alliance
    Alliance Fleuve Congo
    Arakan Army
    Armée d'Arakan
    Black Sea Grain Initiative
    initiative céréalière de la mer Noire
    Black Sea Fleet
    flotte de la mer Noire
    Reporters sans frontières
    Reporters Without Borders
    Kremlin
    Pentagone
    Pentagon
    Maison Blanche
    Maison-Blanche
    White House
    Élysée
    Elysée
    Quai d'Orsay
    Downing Street
    Foreign Office
    Département d'État
    State Department
    Ministère des Affaires étrangères
    Ministry of Foreign Affairs
    Ministère de la Défense
    Ministry of Defence
    Ministry of Defense
    Azerbaijan Airlines
    Ukraine International Airlines
    Turkish Airlines
    Paris Saint-Germain
    Real Madrid
    Manchester United
    Eurovision
    Ligue des champions
    Champions League
    Al-Qaïda
    Al-Qaida
    Al-Qaeda
    Al-Qaïda au Maghreb islamique
    al-Qaeda in the Arabian Peninsula
    Al-Shabaab
    Al-Chabab
    Front al-Nosra
    al-Nusra Front
    Jabhat al-Nusra
    Hayat Tahrir al-Sham
    Hayat Tahrir al-Cham
    État islamique
    Islamic State
    CIA
    FBI
    NSA
    """
)

#: Capitalised words that start the proper name of an institution: a place name inside the
#: capitalised chain that follows (``Université de Bakou``) belongs to the institution.
ORG_HEADS: Final = _words(
    """
    organisation organization union conseil council parlement parliament assemblée assembly
    commission comité committee banque bank fonds fund cour court tribunal agence agency
    ministère ministry université university institut institute observatoire observatory
    fondation foundation armée army forces mouvement movement parti party brigade brigades
    bataillon battalion régiment regiment légion legion association société society groupe
    group compagnie company airlines airways radio télévision television journal église
    church patriarcat patriarchate diocèse diocese académie academy ambassade embassy
    consulat consulate conférence federation fédération ligue league front coalition
    alliance command commandement corps garde guard gardes guards
    """
)

#: Words after a place name that make the whole a named thing, not the place
#: (``Minsk Group``, ``Geneva Conventions``).
ORG_TAILS: Final = _words(
    """
    group agreement agreements accord accords protocol protocols format process convention
    conventions memorandum treaty declaration pact airlines airways times post tribune
    herald gazette independent news observer university institute alliance council
    committee board exchange army brigade brigades battalion regiment military initiative
    fleet taliban
    """
)

#: Words before ``de``/``d'`` + place that make the whole a named thing (``groupe de
#: Minsk``, ``accords de Minsk``, ``traité de Versailles``).
ORG_BEFORE_DE: Final = _words(
    """
    groupe accords accord protocole format processus convention conventions mémorandum
    traité pacte déclaration université institut observatoire patriarcat
    tribunal treaty university
    """
)

#: Words that join the tokens of a multi-word proper name.
CONNECTORS: Final = _words(
    """
    de du des d l la le les au aux et en pour sur sous of for the and in on upon at al el ul ad
    as
    ar ash ez az an un von van der den da di do dos das del della y e bin ben ibn
    """
)

#: Titles before a person's name (``le président Erdogan``, ``Gen. Petraeus``).
TITLES: Final = _words(
    """
    m mme mlle mr mrs ms dr prof sir lord lady dame président présidente president
    président-élu ministre minister premier-ministre chancelier chancellor général general
    gen colonel col lieutenant lt commandant commander capitaine captain major sergent
    sergeant maréchal marshal amiral admiral sénateur senator député deputy gouverneur
    governor maire mayor roi king reine queen prince princesse princess émir emir cheikh
    sheikh sultan shah ayatollah imam pape pope patriarche patriarch cardinal évêque bishop
    mgr monseigneur père father rabbin rabbi porte-parole spokesman spokeswoman spokesperson
    secrétaire secretary ambassadeur ambassador envoyé envoy chef leader dirigeant
    opposant rival homologue counterpart journaliste journalist reporter correspondant
    correspondent photographe photographer écrivain writer auteur author chercheur
    researcher analyste analyst expert professeur professor docteur doctor avocat lawyer
    juge judge procureur prosecutor blogueur blogger militant activist
    """
)

#: Given names (Western, Slavic, Caucasian, Turkish, Arabic, Persian, Sahelian). A
#: capitalised word after one of them is a surname, not a place. Names that are also the
#: names of notable places (Jordan, Florence, Victoria, Israel...) are left out.
FIRST_NAMES: Final = _words(
    """
    emmanuel jean pierre paul jacques michel marie anne françois francois françoise nicolas
    louis philippe alain bernard christophe patrick olivier laurent thierry sébastien
    sebastien julien stéphane stephane éric eric frédéric frederic jérôme jerome benoît
    benoit régis regis gérard gerard yves marc luc denis didier hervé herve xavier vincent
    antoine guillaume arnaud mathieu matthieu thomas charles henri hubert raphaël raphael
    ségolène segolene marine édouard edouard gabriel bruno gérald gerald élisabeth elisabeth
    catherine isabelle sophie nathalie valérie valerie sylvie christine martine hélène helene
    joe joseph donald barack hillary george bill john james robert william richard david
    michael mike antony anthony lloyd jake kamala nancy mitch rishi boris theresa keir liz
    justin angela olaf annalena ursula charles josep jens mark mette pedro giorgia mario
    emmanuelle vladimir volodymyr dmitri dmitry dmitrii sergueï serguei sergei sergey
    sergiy serhiy alexandre alexander alexandr oleksandr oleksiy alexeï alexei alexey
    andreï andrei andrey andriy mikhaïl mikhail mykhailo igor ihor iouri yuri yuriy
    viktor victor valeri valery valeriy evgueni yevgeny yevgeniy ievgueni ramzan nikolaï
    nikolai mykola petro petr piotr pavel anatoli anatoly ivan ioulia yulia ioulia
    ilham mehriban heydar hikmet jeyhun elmar zakir nikol serge sergey robert levon
    armen ara arayik araïk arayik bako arman tigran ruben zohrab ararat davit vagharshak
    recep tayyip mevlüt mevlut hulusi ibrahim hakan devlet kemal ahmet mehmet mustafa
    bachar bashar hafez maher asma rami ali ahmed ahmad mohammed mohamed mohammad muhammad
    mahmoud mahmud abdel abdul abdallah abdullah abdelaziz abdelkader hassan hussein hossein
    hamid omar oumar umar osman youssef yusuf salman khalid khaled faisal fayez saad salah
    moussa mousa ismail ismaël ismael ibrahim idriss idris amadou mahamat assimi bazoum
    mohamedou boubacar ibrahima aliou alassane modibo goodluck muhammadu abiy paul
    hassan hassane ebrahim javad hassan qassem kassem qasem esmail abu_bakr ayman
    benjamin naftali yair isaac yitzhak shimon ehud ariel golda
    xi li wang narendra imran shehbaz
    adam alan albert alex alexandra alice alison amanda amy andrew andy angus ann andrea
    arthur barbara ben betty brian bob bruce carl caroline carol chris christopher claire
    colin craig dan daniel daphne dave dean deborah diana diane donna dorothy douglas
    dwight ed edward elizabeth ellen emily emma eric frank gareth gary gavin gerald
    gordon grant greg gregory harry heather helen henry howard hugh ian jack jacob jane
    janet jason jeff jeffrey jennifer jeremy jessica jill jim joan joanna john jon jonathan
    josh joshua julia julian julie karine kate katherine kathleen kathy keith kelly
    ken kenneth kevin kim kirsten larry laura lawrence leo linda lisa lucy lynn margaret
    maria mark martha martin mary matt matthew max megan melissa michelle miranda nathan
    neil nick nicholas nicola oliver pamela patricia peter phil philip portia rachel ralph
    raymond rebecca richard rob roger ron ronald rose ross roy ruth ryan sally sam samantha
    samuel sandra sarah scott sean simon stephen steve steven stuart susan tim timothy tom
    tony veronica walter wendy
    adèle agnès alexis amélie anaïs aurélien baptiste bertrand cédric célia chantal claude
    clément corinne damien delphine dominique élise émilie fabien fabrice félix florian
    gaëlle gilles guy hugo inès jules juliette justine karim laure léa lionel louise lucas
    lucie manon marc marcel margaux marion mathilde maxime mélanie mickaël noël pascal
    paulette renaud rémi robin romain sabine sandrine simone solène sylvain théo valentin
    yann yannick yves
    abdou abdoulaye adama alioune aminata awa bakary boubacar cheikh demba fatou fatoumata
    idrissa issa lamine mamadou mariam moussa oumou ousmane salif seydou souleymane
    corneille dieudonné bintou ange
    ashraf ayman bilal fadi farid fatima hadi haitham hala hamza hani hisham huda imad
    jamal jihad kamal karam laila layla leila lina mahmoud majid marwan maya mazen mona
    mustafa nabil nadia nasser nizar omar osama rana rashid riad said saeed salim sami
    samir tareq tarek walid wael yahya yasser yasmin yassin youssef zaid zainab ziad
    orhan ahmet aysel elif emre fatih murat selim serkan
    oleh olena oksana iryna kateryna tetiana andriy taras bohdan vitali vitaly vitalii
    abdullahi abdirahman abdirahim abdirizak abdiqani abdikadir abdirashid abdiaziz abdiweli
    abdisalam abdiwahab abdi mohamud mahamoud ahmednur hamza farhan fartun hodan sahra
    mesfin getachew redwan debretsion tedros tigist dawit yohannes tesfaye berhanu
    babagana bola atiku yakubu olusegun umaru sani aminu nasir nuhu kashim zainab
    nnamdi chinedu emeka ngozi oluwaseun
    nawaz maryam bilawal zardari asim zabihullah hibatullah sirajuddin amrullah
    jovenel garry jimmy
    gustavo iván ivan álvaro alvaro juan carlos luis jorge andrés andres fernando diego
    sergio manuel rafael ernesto camilo alejandro
    albin aleksandar vjosa milorad dragan goran nebojsa
    abdelhamid mouammar muammar aguila fathi saddam
    filipe ossufo
    """
)

#: Given names that are also the names of notable places ("Jordan Bardella", "Florence
#: Parly", "Chad Smith"): a person only when the next word is a capitalised name that is
#: no place of note.
PLACE_FIRST_NAMES: Final = _words(
    """
    jordan florence victoria georgia chad austin sydney lincoln charlotte savannah eugene
    orlando madison dallas houston denver phoenix paris london india israel kenya
    china york jackson jersey cleveland bristol preston clifton chester carson tyler
    milan farah
    """
)

#: Words before a capitalised name that make it a vessel's name (``le bateau Tombouctou``,
#: ``the tanker Marlin Luanda``), not a place.
VESSEL_CUES: Final = _words(
    """
    bateau bateaux navire navires cargo cargos ferry ferries pétrolier pétroliers méthanier
    vraquier chalutier frégate croiseur destroyer corvette sous-marin porte-avions
    porte-conteneurs paquebot remorqueur vedette yacht
    vessel vessels ship ships tanker tankers freighter freighters frigate cruiser carrier
    submarine boat boats warship warships trawler tugboat yacht
    uss hms ins mv mt rfs
    """
)

#: Words after which a capitalised name is a sports club's (``Shakhtar Donetsk``,
#: ``Dynamo Kyiv``, ``FC Barcelona``).
CLUB_HEADS: Final = _words(
    """
    fc ac cf sc afc cska dynamo dinamo shakhtar chornomorets zorya metalist vorskla
    spartak lokomotiv zenit rubin olympique bayern sporting racing inter atletico atlético
    borussia eintracht
    """
)

#: Credit lines of wire copy (``Reporting by Olena Harmash in Kyiv; Editing by Grant
#: McCool``): the names that follow are people, the names after "in"/"at" places.
CREDIT_CUES: Final = _lines(
    """
    reporting by
    additional reporting by
    writing by
    editing by
    compiled by
    photo by
    photos by
    graphic by
    video by
    reporting and writing by
    """
)

#: People whose names are (also) place names, matched as whole phrases.
PEOPLE: Final = _lines(
    """
    Aung San Suu Kyi
    Suu Kyi
    Min Aung Hlaing
    Stalin
    Staline
    Lenin
    Lénine
    Brezhnev
    Brejnev
    Khrushchev
    Khrouchtchev
    Hamani Diori
    Diori Hamani
    """
)

#: Demonyms and nationality adjectives that the rules built from country names miss.
DEMONYMS: Final = _words(
    """
    turc turcs turque turques turkish turk turks azéri azéris azerie azeri azeris azérie
    kurde kurdes kurd kurds kurdish arabe arabes arab arabs arabian grec grecs grecque greek
    greeks allemand allemands allemande german germans français française françaises french
    britannique britanniques british briton britons anglais anglaise english écossais
    scottish gallois welsh irlandais irish suisses swiss néerlandais dutch hollandais
    belge belges chinois chinoise chinese danois danoise danish polonais polonaise polish
    hongrois hongroise hungarian portugais portugaise portuguese espagnol espagnols spanish
    spaniard spaniards yéménite yéménites afghan afghans afghane afghanes cypriot
    cypriots chypriote chypriotes émirati émiratis emirati emiratis saoudien saoudiens saudi
    saudis soviétique soviétiques soviet soviets européen européens européenne européennes
    european europeans occidental occidentaux occidentale occidentales western westerners
    oriental orientaux africain africains africaine african africans asiatique asian
    américain américains américaine américaines american americans nord-américain
    israélien israéliens israélienne israeli israelis palestinien palestiniens palestinian
    palestinians sunnite sunnites sunni sunnis chiite chiites shia shiite shiites alaouite
    alaouites alawite alawites druze druzes yézidi yézidis yazidi yazidis tatar tatars
    tchétchène tchétchènes chechen chechens daghestanais ossète ossètes ossetian ossetians
    abkhaze abkhazes abkhaz peul peuls fulani touareg touaregs tuareg tuaregs bambara
    dogon dogons mossi haoussa hausa songhaï pachtoune pachtounes pashtun pashtuns
    ouïghour ouïghours uyghur uyghurs rohingya rohingyas houthi houthis houthistes
    talibans taliban jihadiste jihadistes jihadist jihadists islamiste islamistes islamist
    islamists arménien arméniens arménienne arméniennes armenian armenians azerbaïdjanais
    azerbaïdjanaise azerbaijani azerbaijanis karabakhi karabakhis russe russes russian
    russians ukrainien ukrainiens ukrainienne ukrainian ukrainians syrien syriens syrienne
    syrian syrians irakien irakiens iraqi iraqis iranien iraniens iranian iranians libanais
    lebanese jordanien jordaniens jordanian égyptien égyptiens egyptian egyptians libyen
    libyens libyan libyans malien maliens malienne malian malians nigérien nigériens
    nigerien burkinabè burkinabé burkinabés burkinabe tchadien tchadiens chadian soudanais
    sudanese somalien somaliens somali somalis éthiopien éthiopiens ethiopian érythréen
    eritrean congolais congolese centrafricain centrafricains géorgien géorgiens georgian
    georgians biélorusse biélorusses belarusian belarusians moldave moldaves moldovan
    roumain roumains romanian serbe serbes serbian serbs croate croates croatian croats
    bosniaque bosniaques bosnian bosniak kosovar kosovars albanais albanian grecque
    qatari qataris koweïtien kuwaiti omanais omani pakistanais pakistani indien indiens
    indian indians birman burmese vietnamien vietnamese coréen korean nord-coréen
    japonais japanese mexicain mexican colombien colombian vénézuélien venezuelan cubain
    cuban brésilien brazilian argentin argentins argentinian canadien canadian australien
    australian suédois swedish norvégien norwegian finlandais finnish autrichien austrian
    italien italiens italian italians tunisien tunisian algérien algérien algerian
    marocain moroccan sahraoui sahrawi mauritanien mauritanian sénégalais senegalese
    ivoirien ivorian ghanéen ghanaian nigérian nigerian camerounais cameroonian rwandais
    rwandan ougandais ugandan kényan kenyan
    hema lendu hutu hutus tutsi tutsis banyamulenge nande masalit massalit zaghawa
    rizeigat fur darfuri darfouri bamar caspian caspienne baltic balte
    """
)

#: A region cue before the name (``province d'Idlib``) or after it (``Kherson Oblast``)
#: makes the administrative region the better reading of a name that is also a town's.
REGION_CUES_BEFORE: Final = _words(
    """
    province provinces oblast oblasts gouvernorat gouvernorats governorate district
    districts rayon raion département departement wilaya état state canton comté county
    préfecture prefecture région régions
    """
)
REGION_CUES_AFTER: Final = _words(
    """
    province provinces oblast oblasts governorate governorates district districts rayon
    raion region regions county prefecture state
    """
)

#: Words before a name that say the place is approximate (geo_precision 2).
NEAR_CUES: Final = _words(
    """
    près proche environs alentours abords périphérie banlieue région secteur autour
    near around outskirts vicinity surroundings outside
    """
)

#: Sentence cues that point at the separatist / occupied area discussed in the document.
SEPARATIST_CUES: Final = _lines(
    """
    territoire séparatiste
    région séparatiste
    république séparatiste
    enclave séparatiste
    territoire sécessionniste
    région sécessionniste
    république autoproclamée
    territoire occupé
    territoires occupés
    zone occupée
    separatist territory
    separatist region
    separatist-held
    breakaway region
    breakaway republic
    breakaway territory
    self-proclaimed republic
    occupied territory
    occupied territories
    rebel-held
    """
)

#: French elided articles and pronouns (``l'Arménie``, ``d'Agdam``, ``jusqu'à``).
ELISIONS: Final = _words("l d qu j n s c m t jusqu lorsqu puisqu quoiqu presqu")

#: Abbreviations followed by a period that does not end a sentence.
ABBREVIATIONS: Final = _words(
    """
    m mm mme mr mrs ms dr st ste mt ft gen col lt sgt capt maj prof no vol etc av apr jan
    feb fév aug sept oct nov dec déc cf vs p pp env approx
    """
)

#: Lower-case words that can begin a multi-word place name in the gazetteer.
FEATURE_STARTS: Final = _words(
    """
    bande plateau corridor haut haute bas basse lac mer fleuve rivière golfe détroit île
    îles
    """
)

#: Generic nouns of water bodies: a name that contains one is the water body's
#: (``mer Rouge``, ``Lake Chad``), not a town's (Mer Rouge, Louisiana).
WATER_WORDS: Final = _words("lac lake mer sea fleuve river rivière golfe gulf détroit strait")

#: Lower-case words that may follow "the Dnipro" when it is the river ("across the Dnipro
#: in Kherson"); any other ("the Dnipro mayor") keeps the town.
AFTER_THE_RIVER: Final = _words(
    """
    in at on near to and or from into towards toward between by as which where that was is
    has had flows runs river
    """
)

#: Words written in lower case inside names of countries and regions, besides those of the
#: gazetteer's country names (``Asie centrale``, ``Ghouta orientale``, ``Amérique latine``).
LOWER_NAME_WORDS: Final = _words(
    """
    démocratique fédérale islamique populaire unis centrale central orientale oriental
    occidentale occidental occidentaux latine septentrionale méridionale
    """
)

#: Arabic articles written in lower case and hyphenated to the name (``al-Mayadin``,
#: ``el-Fasher``, ``ad-Dana``): part of the place name.
ARABIC_ARTICLES: Final = _words("al el ad ar as ash at az an ed er es et ez")

#: Nouns of natural features: the name after them is the feature's, not a town's.
NATURAL_FEATURES: Final = _words(
    """
    lac lake mer sea fleuve rivière river mont mount monts mountains massif golfe gulf
    détroit strait baie bay canal col pass désert desert île island péninsule peninsula
    """
)
