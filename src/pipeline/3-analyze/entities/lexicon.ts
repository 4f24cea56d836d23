// Hand-made word lists for the rule-based recogniser. Kept small on purpose: they give cues,
// the context rules (speech verbs, ages, titles) do the rest.

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Titles that head a role before a name ("Interior Minister Ana Kovač", "Lt. Paul Cicero"). */
export const TITLE_HEADS = words(`
  President Vice-President Minister Secretary Chancellor Premier Governor Gov Senator Sen Representative Rep
  Congressman Congresswoman Mayor Councillor Cllr Councilman Councilwoman Alderman Ald Judge Justice Magistrate
  Attorney Prosecutor Sheriff Deputy Chief Officer Detective Det Sergeant Sgt Lieutenant Lt Captain Capt Colonel Col
  General Gen Major Maj Commander Cmdr Admiral Adm Corporal Cpl Private Pvt Trooper Agent Inspector Supt Superintendent
  Constable Director Spokesman Spokeswoman Spokesperson Dr Doctor Prof Professor Mr Mrs Ms Miss Mx Sir Dame Lord Lady
  King Queen Prince Princess Pope Rev Reverend Father Bishop Archbishop Cardinal Rabbi Imam Sheikh Ambassador Chairman
  Chairwoman Chair CEO Coach Principal Brigadier Pastor Commissioner Coroner Marshal Firefighter Patrolman Assemblyman
  Assemblywoman Speaker Leader Emperor Dean Chef Nurse Mgr Msgr Sultan Emir Ayatollah Pres MP MEP Investigator Ranger
  Warden Paramedic Dispatcher
  Presidente Presidenta Ministro Ministra Alcalde Alcaldesa Don Doña Sr Sra Srta Dra Gobernador Gobernadora Diputado Diputada
  Senador Senadora Canciller Jefe Jefa Comisario Fiscal
`);

/** Words that may precede a title head inside a role ("Interior", "Police", "Assistant District"). */
export const TITLE_MODIFIERS = words(`
  Vice Prime Deputy Assistant Associate Acting Interim Former Senior Junior Special Executive Managing Chief First
  State District County City Police Fire Army Navy Master Staff Lead Head Foreign Interior Home Defence Defense Security
  Finance Health Justice Education Labour Labor Economy Economic Transport Transportation Environment Agriculture
  Trade Energy Culture Sports Tourism Immigration Public Safety Housing Development Regional Local Federal National
  Opposition Majority Minority Team Crown Supreme High Circuit Superior Metro Municipal Border Emergency Press Sheriff's
  Attorney Relations Affairs Commerce Industry Information Communications Welfare Social Water Works General Park
  Game Prison Crime
`);

/** Head words that make a capitalised sequence an organisation ("Ministry of Defence", "Sava Relief Network"). */
export const ORG_WORDS = words(`
  Ministry Department Dept Police Council Association Assn Party Commission Agency Inc Corp Corporation Ltd LLC PLC
  Co University Univ Hospital Club Service Services News Union Committee Federation Network Alliance Group Airlines
  Airways School Schools Church Court Army Navy Force Forces Bank Company Bureau Institute Center Centre College Office
  Board Authority Assembly Parliament Congress Senate Government Administration Foundation Trust Society Organisation
  Organization Coalition Front Movement League Institution Academy Museum Library Council's Cabinet Commissioners
  Times Post Journal Herald Tribune Gazette Press Telegraph Guardian Chronicle Observer Ledger Courier Television Radio
  Dispatch Inquirer Enquirer Examiner Bulletin Sentinel Courant Mercury Register
  TV Channel Media Studios Records Holdings Industries Systems Technologies Group's Partners Brigade Battalion Regiment
  Unit Patrol Guard Corps Fund Program Programme Commission's Stoppers Network's Ambulance Railways Rail Reserve
  Ministerio Federación Asociación Partido Gobierno Policía Universidad Hospital Comisión Consejo Tribunal Banco Empresa
  Power Energy Motors Electric Petroleum Oil Steel Mining Capital Insurance Labs Solutions Software Logistics Shipping
  Pharmaceuticals Pharma Telecom Airport Port Authority Air Cargo Express Brands Foods Group Ventures
  Fundación Instituto Sindicato Confederación Ayuntamiento Junta Secretaría Servicio Roja Organización Museo Cámara
  Juzgado Fiscalía Audiencia Consejería Diputación Asamblea Corporación Consorcio Agencia Compañía Sociedad Caja Grupo
  Comité Colegio Escuela Academia Biblioteca Teatro Orquesta Fuerzas Ejército Armada Guardia Coalición Alianza
  Plataforma Agrupación Selección Parlamento Senado Congreso Consejo Dirección Delegación Sección
  Jail Prison Penitentiary Detention Courthouse Tribe Tribes
`);

/** Last words that make a sequence a place ("Edwards Street", "Washington Township"). */
export const PLACE_WORDS = words(`
  Street St Avenue Ave Road Rd Drive Dr Boulevard Blvd Lane Way Place Court Ct Highway Hwy Square Park Bridge River
  Lake Mountain Mountains Valley Island Islands Bay Beach Coast Township County Province State City Town Village
  District Region Borough Parish Harbour Harbor Port Canyon Desert Forest Peninsula Sea Ocean Gulf Heights Hills
  Apartments Complex Mall Plaza
`);

/** Capitalised words that are not names on their own: function words, months, days, pronouns. */
export const NOT_NAMES = words(`
  The A An This That These Those It Its In On At Of For From By With Without To And But Or Nor So Yet As If When While
  Where Why How What Who Whom Whose Which After Before During Since Until Although Though Because Once Then There Here
  He She They We You I Me My Our Your His Her Their Them Us Some Many Most More Much All Any Each Every Both Few Several
  No Not None Other Another Such One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next
  Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Tomorrow
  Officers Investigators Authorities Officials Residents Witnesses Neighbors Neighbours Family Friends Read More
  Share Subscribe Advertisement Photo Image Video Click Copyright Follow Like Tags Update Updated Posted Related Also
  Meanwhile However Still Just Even Only Now Later Earlier Please Yes Thank Thanks Oh OK Okay According Despite Among
  Between Under Over About Around Near Across Against Into Through Up Down Out Off Inside Outside Like Unlike Per Via
  Be Is Are Was Were Has Have Had Do Does Did Will Would Can Could Should Must Might Shall Let Get Got Go Went Come Came
  El La Los Las Lo Un Una Unos Unas Y O Pero En De Del Al Con Por Para Sin Sobre Según Entre Desde Hasta Este Esta Estos
  Estas Ese Esa Aquel Su Sus Nuestro Nuestra Cuando Donde Como Que Quien Lunes Martes Miércoles Jueves Viernes Sábado
  Domingo Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre Noviembre Diciembre Hoy Ayer También
  Le Les Des Du Et Der Die Das Und Il Lo Gli Le
`);

/** Lower-case words allowed inside a name ("Bosnia and Herzegovina", "Ministry of Defence", "Rodrigo de la Vega"). */
export const NAME_CONNECTORS = words(
  `of and for the de del la las los da das do dos di du van von der den ter bin ibn al el le y`,
);

/** Particles that stay lower case inside person names. */
export const NAME_PARTICLES = words(`de del la da das do dos di du van von der den ter bin ibn al el le`);

/** Generational suffixes kept with a person name. */
export const NAME_SUFFIXES = words(`Jr Jr. Sr Sr. II III IV`);

/** Speech verbs (English, and the Spanish ones below): a name next to one is a person or an organisation speaking. */
export const SPEECH_VERBS = words(`
  said says say told tells outlined added adds explained explains recalled recalls asked asks noted  stated  wrote
  writes tweeted tweets  confirmed confirms announced announces acknowledged acknowledges warned warns insisted
  insists argued argues claimed  denied denies admitted admits replied replies responded responds continued
  concluded described declared urged urges stressed emphasized emphasised remarked testified commented 
  reported  revealed reveals agreed agrees suggested suggests believes believed thinks  added
`);
/** Spanish speech verbs, third person singular: one speaker ("Valero apuntó"; "Fuentes indicaron" is not). */
export const SPANISH_SPEECH_VERBS = words(`
  dijo dice afirmó afirma aseguró asegura declaró declara señaló señala explicó explica agregó agrega añadió añade
  indicó indica sostuvo advirtió admitió reconoció manifestó expresó comentó precisó insistió subrayó destacó apuntó
  recordó
`);
for (const v of SPANISH_SPEECH_VERBS) SPEECH_VERBS.add(v);

/** Lower-case nouns for people: "chief executive Dana Whitfield", "Ivana Perić, coordinator of …". */
export const PERSON_NOUNS = words(`
  executive director president minister spokesman spokeswoman spokesperson chief officer manager founder chair chairman
  chairwoman head leader secretary coordinator analyst professor lawyer attorney mayor governor neighbor neighbour resident
  witness owner brother sister mother father son daughter wife husband aunt uncle cousin friend teacher student principal
  nurse doctor pastor coach author researcher economist scientist engineer worker employee official member chef actress
  actor singer driver victim survivor suspect senator councillor councilman deputy detective sergeant lieutenant captain
  portavoz presidente presidenta ministro ministra director directora alcalde alcaldesa vecino vecina jefe jefa
  consejero consejera secretario secretaria vicepresidente vicepresidenta delegado delegada concejal concejala diputado
  diputada senador senadora gobernador gobernadora fiscal juez jueza magistrado magistrada abogado abogada defensor
  líder dirigente candidato candidata coordinador coordinadora responsable gerente fundador fundadora periodista
  reportero reportera corresponsal fotógrafo fotógrafa escritor escritora autor autora poeta novelista pintor pintora
  escultor escultora arquitecto arquitecta cineasta actor actriz cantante músico compositor compositora pianista
  violinista guitarrista percusionista director entrenador entrenadora seleccionador jugador jugadora futbolista
  tenista ciclista atleta piloto torero diestro rey reina príncipe princesa infante infanta papa obispo arzobispo
  cardenal sacerdote monseñor jeque general coronel comandante teniente capitán sargento embajador embajadora
  canciller economista profesor profesora investigador investigadora médico médica doctor doctora
  empresario empresaria banquero propietario propietaria testigo víctima sospechoso sospechosa detenido detenida
  hijo hija padre madre hermano hermana esposo esposa marido viuda nieto nieta tío tía primo prima amigo amiga
  compañero compañera presentador presentadora comisario comisaria inspector inspectora agente activista militante
  opositor opositora mandatario mandataria interlocutor negociador negociadora mediador enviado enviada relator
  executive spokesperson commissioner ambassador envoy general colonel commander
  writer novelist poet painter artist composer musician singer player striker goalkeeper manager candidate activist
  businessman businesswoman banker investor king queen prince princess pope bishop cardinal priest sheikh cleric
  prosecutor judge magistrate lawyer defendant inspector agent negotiator mediator representative delegate
`);

/** More nouns for a person's part in a story, read only before a name at a sentence start ("Gunman
 * Omar Mateen"): after a name they are no apposition ("On the Lower East Side, a shooter wounded …"). */
export const DESCRIPTION_NOUNS = words(`
  nephew niece grandson granddaughter grandmother grandfather stepfather stepmother stepson stepdaughter girlfriend
  boyfriend fiancé fiancée gunman shooter bystander
`);

/** Lower-case nouns for organisations: "la empresa americana Lycos", "the carmaker Kestrel". */
export const ORG_NOUNS = words(`
  empresa compañía firma grupo banco caja partido club equipo diario periódico semanario revista cadena emisora
  agencia organización sindicato asociación federación operadora aseguradora constructora multinacional fabricante
  editorial eléctrica petrolera aerolínea consorcio holding fundación
  company firm group bank newspaper magazine broadcaster network carrier airline agency union association
  federation club team maker carmaker automaker retailer insurer lender publisher manufacturer conglomerate
  charity foundation
`);

/** Acronyms that are not organisations. */
export const NOT_ORG_ACRONYMS = words(`
  TV CPR SUV EMS ISBN LED PDT PST EST EDT CST CDT MST GMT UTC AM PM OK ID DNA GPS CEO CFO COO CTO PhD CCTV ATM GIF USB
  PDF FAQ OMG LOL VIP IQ HIV AIDS AR MRI ER ICU GDP RIP HQ PR IT AI II III IV DJ MC BBQ CD DVD PC SMS URL TBA TBD ASAP
  FYI AKA NB PS PIN MPH KM CM MM KG LB OZ FT HP VAT USD EUR GBP NOK SEK DKK CHF JPY CNY MXN CLP ARS
`);

/** Nouns after a demonym that do not mean the country ("French fries", "a Russian speaker"). */
export const DEMONYM_NOT_PLACE = words(
  `fries toast bulldog poodle horn kiss dressing braid language speaker speakers speaking translation`,
);
