// Common given names across the languages our sources use, written by hand. A cue, not a rule:
// unknown first names are still found through titles, ages and speech verbs.
const NAMES = `
Aaron Abdul Abdullah Abraham Adam Adrian Ahmed Aisha Alan Albert Alberto Alejandro Alex Alexander Alexandra Alexei Alfonso
Alfred Ali Alice Alicia Alison Allison Amanda Amber Amy Ana Anders Andre Andrea Andreas Andrei Andrew Andrés Angela Angelo
Anita Ann Anna Anne Annie Anthony Antonio Ashley Audrey Barack Barbara Beatriz Ben Benjamin Bernard Beth Betty Bill Bob
Bobby Boris Brad Bradley Brandon Brenda Brian Bruce Bruno Bryan Camila Carl Carla Carlos Carmen Carol Caroline Carolyn
Catherine Cecilia Charles Charlie Chris Christian Christina Christine Christopher Cindy Claire Clara Clare Claudia Colin Craig
Cristina Cynthia Dan Daniel Daniela Danny Daria Darren Dave David Dean Debbie Deborah Denis Dennis Derek Diana Diane Diego
Dmitry Dominic Don Donald Donna Doris Dorothy Doug Douglas Dylan Ed Eddie Edgar Eduardo Edward Elena Eli Elizabeth Ella
Ellen Emily Emma Emmanuel Enrique Eric Erik Erin Ernesto Esther Ethan Eugene Eva Evan Fatima Felipe Fernando Florence Frances
Francesca Francesco Francis Francisco Frank Fred Frederick Gabriel Gabriela Gail Gary George Georgia Gerald Gerhard Gina
Giorgio Giovanni Giuseppe Gloria Gordon Grace Greg Gregory Guillermo Gustavo Hannah Hans Harold Harry Hassan Heather Helen
Henry Hugo Ian Igor Ingrid Isaac Isabel Isabella Ivan Ivana Jack Jackie Jacob Jake James Jamie Jan Jane Janet Janice Jason
Javier Jean Jeff Jeffrey Jennifer Jenny Jeremy Jerry Jesse Jessica Jesús Jill Jim Jimmy Joan Joanna Joe Joel Johan John
Johnny Jon Jonathan Jordan Jorge Jose José Joseph Josh Joshua Joyce Juan Judith Judy Julia Julian Julie Julio Justin Karen
Karl Kate Katherine Kathleen Kathy Katie Keith Kelly Ken Kenneth Kevin Kim Kimberly Kyle Lana Larry Laura Lauren Lawrence
Leah Lee Leo Leon Leonard Leonid Linda Lisa Liz Lois Lorenzo Louis Louise Lucas Lucia Luis Luke Lynn Madison Maria María
Marco Marcus Margaret Maria Marie Marina Mario Mark Marta Martha Martin Mary Matt Matthew Maureen Max Megan Melissa
Michael Michel Michelle Miguel Mike Mikhail Milan Miriam Mohamed Mohammed Muhammad Monica Nadia Nancy Natalia Natalie Nathan
Neil Nick Nicholas Nicola Nicole Nikola Nina Noah Norma Olga Oliver Olivia Omar Oscar Owen Pablo Pamela Paolo Paris Patricia
Patrick Paul Paula Pedro Peter Petra Philip Phillip Pierre Rachel Rafael Ralph Ramón Randy Raúl Ray Raymond Rebecca Ricardo
Richard Rick Rob Robert Roberta Roberto Robin Rodrigo Roger Roman Ron Ronald Rosa Rose Ruth Ryan Sally Sam Samantha Samuel
Sandra Sara Sarah Scott Sean Sebastian Sergei Sergio Shannon Sharon Shawn Sheila Simon Sofia Sophie Stefan Stephanie
Stephen Steve Steven Stuart Susan Suzanne Tamara Tanya Ted Teresa Terence Terry Thomas Tim Timothy Tina Todd Tom Tomás
Tomislav Tony Tracy Travis Tyler Valentina Valerie Vanessa Victor Victoria Vincent Virginia Vladimir Walter Wayne Wendy
William Willie Yuri Zoe Ahmad Mustafa Yusuf Ibrahim Khalid Mahmoud Hamid Reza Mehmet Emre Recep Chen Wei Li Ming
Hiroshi Yuki Kenji Raj Rahul Priya Sanjay Amit Arjun Ravi Sunil Anil Deepak Vijay Krishna Kofi Kwame Chidi Ngozi Oluwaseun
Danica Davor Ante Marko Luka Ivo Josip Dragan Goran Zoran Milos Petar Stjepan
Ines Joao João Mauricio Matías Sebastián Valeria Gabriel Lucía Martina Agustín Ignacio Francisca Catalina Camilo Andrea
Lars Sven Erik Nils Ole Magnus Astrid Ingrid Sigrid Henrik Klaus Jürgen Wolfgang Dieter Uwe Helga Ursula Heinz Fritz Anke
Graciela Mariana Florencia Lorena Silvia Gonzalo Santiago Facundo Germán Hernán Marcelo Gustavo Ricardo Esteban
Manuel Ángel Angel Álvaro Alvaro Adrián Adrian Rubén Ruben Óscar Joaquín Joaquin Eduardo Jaime Emilio Julián Agustín
Cristian Ismael Aitor Héctor Hector Mariano Domingo Alfredo César Cesar Gregorio Xavier Valentín Adolfo Clemente Máximo
Ramiro Gerardo Bernardo Benito Lázaro Baltasar Federico Rogelio Teodoro Octavio Leopoldo Pascual Anselmo Armando Horacio
Rolando Humberto Alonso Íñigo Iñigo Iñaki Unai Asier Mikel Gorka Xabier Koldo Josu Jordi Pere Pau Oriol Joan Carles
Lluís Enric Ferran Narcís Ignasi Josep Vicente Salvador Marcos Guillermo Nicolás Felipe Eugenio Arturo
Dolors Isabel Cristina Francisca Pilar Raquel Manuela Beatriz Alba Nuria Núria Irene Encarnación Rocío Mónica Susana
Sonia Inmaculada Yolanda Margarita Amparo Verónica Carolina Matilde Consuelo Begoña Aránzazu Arantxa Itziar Ainhoa Maite
Idoia Nerea Leire Miren Amaia Montse Mireia Laia Meritxell Neus Adriana Ximena Mariela Fernanda Agustina Jimena Celia
Elvira Marisol Paloma Rebeca Leticia Emilia Luisa Antonia Josefa Juana Inés Noelia Natalia
Paulo Rui Tiago Nuno Duarte Gonçalo Afonso Vítor Fábio Filipe Joana Leonor Margarida Rita Catarina Andreia Patrícia Cláudia
Luca Davide Simone Riccardo Stefano Alessia Julien Mathieu Antoine Guillaume Sébastien Camille Céline Élodie Aurélie
François Jacques Philippe Nicolas Sylvie Nathalie Olivier Thierry Luc Marc Giulia Chiara Alessandro Matteo Federica Elisa
`;

const listed = NAMES.split(/\s+/).filter(Boolean);
// Also without accents, so "Martín" matches "Martin" and "Jose" matches "José".
const plain = (w: string) => w.normalize('NFD').replace(/\p{M}+/gu, '');
export const FIRST_NAMES = new Set([...listed, ...listed.map(plain)]);

/** Whether a capitalised word is a known given name, with or without its accents. */
export const isFirstName = (w: string) =>
  FIRST_NAMES.has(w) || (/[^\p{ASCII}]/u.test(w) && FIRST_NAMES.has(plain(w)));

/** Known given names folded as the linker compares them ("maria", "jose"). */
export const FOLDED_FIRST_NAMES = new Set(listed.map((w) => plain(w).toLowerCase()));
