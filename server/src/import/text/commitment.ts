/**
 * A sentence-level signal of what is a commitment, from compromise's English part-of-speech
 * tagging (its lexicon ships with the package, so nothing is downloaded): a sentence that opens
 * with an imperative verb ("Expand the reablement service …", "Commit to co-produce …") or puts a
 * future or obligation modal before a verb ("Partners will fund …", "A group will be
 * established …"), or says work is under way ("Ensuring …", "… are being made"), and is neither a
 * question nor about what the document itself sets out.
 */
import nlp from 'compromise';

// "This strategy will set out …": the document describing itself, not a commitment.
const aboutTheDocument =
  /^(?:this|the|our)\s+(?:strategy|plan|document|report|section|chapter|framework|paper)\s+(?:will|shall)\s+(?:set out|describe|outline|explain|summari[sz]e|show|present|give|provide an overview|look at|cover|consider)\b/i;

/** Whether `sentence` commits someone to do something (see the module's description). */
export function isCommitment(sentence: string): boolean {
  const text = sentence.trim();
  if (!text || /\?["”’']?$/.test(text) || aboutTheDocument.test(text)) return false;
  const doc = nlp(text);
  // An opening verb with no subject ("Support …", "Ask …"), but not a caption's label ("Figure 4 …") or a bare pair of words.
  if (doc.has('^#Imperative') && !doc.has('^. #Value') && doc.terms().length >= 3) return true;
  // "Smoking rates will fall.": a forecast, with nothing done to anything.
  if (doc.has('(will|shall) #Adverb? #Verb$')) return false;
  return (
    doc.has('(will|shall|must) not? #Adverb? (be|continue to|work to)? #Verb') ||
    doc.has('(commit|committed|pledge|pledged) to #Verb') ||
    // Work under way: "Ensuring services are promoted …", "Adaptations are being made …".
    doc.has('^#Gerund (#Determiner|#Adjective|#Noun|#Possessive|with)') ||
    doc.has('(is|are) being #PastTense')
  );
}
